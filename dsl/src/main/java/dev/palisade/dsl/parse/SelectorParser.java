package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.grammar.SelectorLexer;
import dev.palisade.dsl.grammar.SelectorParser.LabelKeyContext;
import dev.palisade.dsl.grammar.SelectorParser.SelectorContext;
import dev.palisade.dsl.parse.SelectorSyntaxMessages.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.IntFunction;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses the Calico selector written inside a policy string, such as
 * {@code selector 'app == "www" && tier in {"web", "edge"}'}, into a {@link Selector}.
 *
 * <p>Steps: an emptiness check, a nesting pre-scan (so ANTLR's recursive descent can never
 * overflow the stack), a length check, the ANTLR parse stopping at the first syntax error, then building
 * the tree while checking label keys. Errors are reported at the exact character through
 * {@code spanAt}, which maps an index of {@code text} (up to and including {@code text.length()})
 * to its place in the policy file.
 */
public final class SelectorParser {
    /** Calico's CRDs cap selectors at 1024 characters; the API server would refuse more. */
    public static final int MAX_LENGTH = 1024;
    /** Deep enough for any selector a person writes, shallow enough for a small thread stack. */
    public static final int MAX_NESTING = 64;

    private SelectorParser() {
    }

    public static Optional<Selector> parse(String text, IntFunction<Span> spanAt, Diagnostics diagnostics) {
        if (text.isBlank()) {
            diagnostics.error(DiagnosticCode.SELECTOR_SYNTAX, spanAt.apply(0), "empty selector",
                    "write `all()` to select every workload");
            return Optional.empty();
        }
        int tooDeep = tooDeepAt(text);
        if (tooDeep >= 0) {
            diagnostics.error(DiagnosticCode.NESTING_TOO_DEEP, spanAt.apply(tooDeep),
                    "selector nests parentheses and `!` more than 64 levels deep",
                    "remove redundant parentheses or double negations");
            return Optional.empty();
        }
        if (text.length() > MAX_LENGTH) {
            diagnostics.error(DiagnosticCode.SELECTOR_TOO_LONG, spanAt.apply(MAX_LENGTH),
                    "selector is longer than 1024 characters", "Calico refuses longer selectors; "
                            + "split the policy or select workloads by a dedicated label");
            return Optional.empty();
        }
        SelectorContext tree;
        try {
            tree = syntaxTree(text);
        } catch (ParseCancellationException stopped) {
            Problem problem = SelectorSyntaxMessages.describe((RecognitionException) stopped.getCause());
            Span span = spanAt.apply(charIndex(text, problem.index()));
            diagnostics.error(DiagnosticCode.SELECTOR_SYNTAX, span, problem.message(), problem.help().orElse(null));
            return Optional.empty();
        }
        int errorsBefore = diagnostics.errorCount();
        Selector selector = new SelectorBuilder((key, message) -> diagnostics.error(DiagnosticCode.INVALID_LABEL_KEY,
                keySpan(text, key, spanAt), message, LabelKeys.HELP)).expr(tree.expr());
        return diagnostics.errorCount() == errorsBefore ? Optional.of(selector) : Optional.empty();
    }

    private static SelectorContext syntaxTree(String text) {
        SelectorLexer lexer = new SelectorLexer(CharStreams.fromString(text));
        // The catch-all token means the lexer never errs; removing the listener keeps it that
        // way if the grammar changes: nothing may print to stderr.
        lexer.removeErrorListeners();
        // The generated parser shares this class's simple name, hence the qualified name.
        var parser = new dev.palisade.dsl.grammar.SelectorParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new StopAtFirstError());
        // The grammar is LL(1): SLL prediction is exact and never falls back to full context.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        return parser.selector();
    }

    private static Span keySpan(String text, LabelKeyContext key, IntFunction<Span> spanAt) {
        Span start = spanAt.apply(charIndex(text, key.getStart().getStartIndex()));
        Span last = spanAt.apply(charIndex(text, key.getStop().getStopIndex()));
        return start.to(last);
    }

    /** ANTLR counts code points; spans count UTF-16 units, which differ after an emoji. */
    private static int charIndex(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }

    /**
     * The index of the first {@code (} or {@code !} that nests more than {@link #MAX_NESTING}
     * levels deep, or -1. Each {@code (} and {@code !} outside quotes opens a level, as each is a
     * recursive call in the parser. A {@code !} ends where its operand does: at the next
     * {@code &&}, {@code ||} or unmatched {@code )}, or with the parenthesised group it
     * negates. Over-counting only happens in text that is a syntax error anyway.
     */
    static int tooDeepAt(String text) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if ((c == '!' && next != '=') || c == '(') {
                open.push(c);
                if (open.size() > MAX_NESTING) {
                    return i;
                }
            } else if (c == ')') {
                popNegations(open);
                if (!open.isEmpty()) {
                    open.pop();
                }
                popNegations(open);
            } else if ((c == '&' && next == '&') || (c == '|' && next == '|')) {
                popNegations(open);
                i++;
            }
        }
        return -1;
    }

    private static void popNegations(Deque<Character> open) {
        while (!open.isEmpty() && open.peek() == '!') {
            open.pop();
        }
    }
}
