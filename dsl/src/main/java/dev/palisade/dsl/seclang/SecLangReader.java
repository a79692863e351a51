package dev.palisade.dsl.seclang;

import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.grammar.SecLangLexer;
import dev.palisade.dsl.grammar.SecLangParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * SecLang text → directives. Quoting follows ModSecurity: inside double quotes {@code \"} stands
 * for a quote and a backslash before a line end continues the line; every other backslash is
 * kept as written (it belongs to the regular expression or the action that follows).
 */
public final class SecLangReader {
    private SecLangReader() {}

    public static List<SecLangDirective> read(SourceFile source, Diagnostics diagnostics) {
        SecLangLexer lexer = new SecLangLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token token : tokens.getTokens()) {
            if (token.getType() == SecLangLexer.UNTERMINATED_QUOTED) {
                diagnostics.error(DiagnosticCode.UNTERMINATED_STRING, source.spanOfCodePoints(token.getStartIndex(),
                        token.getStartIndex()), "quoted argument is not closed before the end of the line",
                        "close it with `\"`, or end the line with `\\` to continue it");
                return List.of();
            }
        }
        SecLangParser parser = new SecLangParser(tokens);
        parser.removeErrorListeners();
        int errorsBefore = diagnostics.errorCount();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                    RecognitionException e) {
                Token found = (Token) symbol;
                String text = found.getType() == Token.EOF ? "the end of the file" : "`" + found.getText() + "`";
                diagnostics.error(DiagnosticCode.SYNTAX, source.spanOfCodePoints(found.getStartIndex(),
                        Math.max(found.getStartIndex(), found.getStopIndex())),
                        "expected a directive such as `SecRule`, found " + text,
                        "a directive starts a line; `#` starts a comment");
                if (diagnostics.full()) {
                    throw new CancellationException("too many errors");
                }
            }
        });
        SecLangParser.FileContext file;
        try {
            file = parser.file();
        } catch (CancellationException tooMany) {
            return List.of();
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return List.of();
        }
        List<SecLangDirective> directives = new ArrayList<>();
        for (SecLangParser.DirectiveContext directive : file.directive()) {
            Token name = directive.NAME().getSymbol();
            List<StringLiteral> arguments = new ArrayList<>();
            for (SecLangParser.ArgumentContext argument : directive.argument()) {
                arguments.add(argument(source, argument.getStart()));
            }
            Token last = directive.argument().isEmpty() ? name : directive.argument(directive.argument().size() - 1).getStop();
            directives.add(new SecLangDirective(
                    new Name(name.getText(), source.spanOfCodePoints(name.getStartIndex(), name.getStopIndex())),
                    arguments, source.spanOfCodePoints(name.getStartIndex(), last.getStopIndex())));
        }
        return directives;
    }

    private static StringLiteral argument(SourceFile source, Token token) {
        int start = source.offsetOfCodePoint(token.getStartIndex());
        int end = source.offsetOfCodePoint(token.getStopIndex() + 1);
        String text = source.text();
        boolean quoted = token.getType() == SecLangLexer.QUOTED;
        int from = quoted ? start + 1 : start;
        int to = quoted ? end - 1 : end;
        StringBuilder value = new StringBuilder(to - from);
        int[] offsets = new int[to - from + 1];
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                int next = i + 1;
                while (next < to && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                    next++;
                }
                if (next < to && (text.charAt(next) == '\n' || text.charAt(next) == '\r')) {
                    // A continuation: the line break and the backslash vanish.
                    i = text.charAt(next) == '\r' && next + 1 < to && text.charAt(next + 1) == '\n' ? next + 1 : next;
                    continue;
                }
                // Apache's config reader (ap_getword_conf), which ModSecurity v2 uses: `\"` is a quote
                // and `\\` one backslash; any other backslash stays, so CRS's `\\\\` reaches PCRE as `\\`.
                if (i + 1 < to && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    offsets[count++] = i;
                    value.append(text.charAt(i + 1));
                    i++;
                    continue;
                }
            }
            offsets[count++] = i;
            value.append(c);
        }
        offsets[count] = to;
        return new StringLiteral(value.toString(), source.span(start, end),
                quoted ? StringLiteral.Quoting.DOUBLE : StringLiteral.Quoting.BARE, source,
                java.util.Arrays.copyOf(offsets, count + 1));
    }
}
