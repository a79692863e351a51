package dev.palisade.dsl.parse;

import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.dsl.grammar.PalisadeLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into diagnostics in policy words: what was expected (`allow`,
 * `deny` or `}`), what was found, and a likely keyword when the found word is a typo of one.
 * ANTLR's own texts ("mismatched input … expecting …", "extraneous input") never reach users.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final Set<Integer> quietLines;
    private final NavigableSet<Integer> lexicalErrorTokens;
    private int lastReportedToken = -1;
    private int errors;
    private int lastLine = -1;

    SyntaxErrorListener(SourceFile source, Diagnostics diagnostics, Set<Integer> quietLines,
            NavigableSet<Integer> lexicalErrorTokens) {
        this.lexicalErrorTokens = lexicalErrorTokens;
        this.source = source;
        this.diagnostics = diagnostics;
        this.quietLines = quietLines;
    }

    int errors() {
        return errors;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
            String antlrMessage, RecognitionException e) {
        errors++;
        // After a lexical error or an earlier syntax error on the same line, what follows is
        // usually its echo: say one thing per line.
        Token found = (Token) offendingSymbol;
        // The first syntax error after a lexical one is usually its echo (an unterminated string
        // leaves its setting without a value): the lexical error already said what is wrong.
        Integer lexical = lexicalErrorTokens.lower(found.getTokenIndex());
        boolean echo = lexical != null && lastReportedToken < lexical;
        lastReportedToken = found.getTokenIndex();
        if (echo || quietLines.contains(line) || line == lastLine) {
            return;
        }
        lastLine = line;
        IntervalSet expected = ((Parser) recognizer).getExpectedTokens();
        List<String> expectedWords = describe(expected);
        String foundText = found.getType() == Token.EOF ? "the end of the file" : "`" + shorten(found.getText()) + "`";
        String message = expectedWords.isEmpty()
                ? "unexpected " + foundText
                : "expected " + join(expectedWords) + ", found " + foundText;
        Span span = found.getType() == Token.EOF
                ? Span.point(source.name(), line, column + 1)
                : source.spanOfCodePoints(found.getStartIndex(), found.getStopIndex());
        String help = null;
        if (found.getType() == PalisadeLexer.ID) {
            help = Suggestions.didYouMean(found.getText(), keywords(expected)).orElse(null);
        }
        diagnostics.error(DiagnosticCode.SYNTAX, span, message, help);
        if (diagnostics.full()) {
            throw new CancellationException("too many errors");
        }
    }

    /** Expected tokens in words; the many keywords that can also be a name collapse into "a name". */
    private static List<String> describe(IntervalSet expected) {
        Set<String> words = new TreeSet<>();
        boolean name = expected.contains(PalisadeLexer.ID);
        for (int type : expected.toArray()) {
            String word = TokenNames.describe(type);
            if (name && TokenNames.isKeyword(type) && expected.size() > 8) {
                continue;
            }
            words.add(word);
        }
        List<String> list = new ArrayList<>(words);
        return list.size() > 10 ? List.of() : list;
    }

    private static List<String> keywords(IntervalSet expected) {
        List<String> words = new ArrayList<>();
        for (int type : expected.toArray()) {
            if (TokenNames.isKeyword(type)) {
                words.add(TokenNames.literal(type));
            }
        }
        return words;
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\r", "").replace("\n", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
    }
}
