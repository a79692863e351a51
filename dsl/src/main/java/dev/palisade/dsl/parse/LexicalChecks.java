package dev.palisade.dsl.parse;

import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.grammar.PalisadeLexer;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Reports what the lexer found wrong (unterminated strings and comments, stray characters) and
 * hides those tokens from the parser, so one mistake is reported once, by what it is. Also
 * measures brace nesting before the parser recurses into it.
 */
record LexicalChecks(int errors, Set<Integer> linesWithErrors, NavigableSet<Integer> errorTokens, boolean tooDeep) {

    static LexicalChecks run(SourceFile source, CommonTokenStream tokens, Diagnostics diagnostics) {
        int errors = 0;
        Set<Integer> lines = new HashSet<>();
        NavigableSet<Integer> errorTokens = new TreeSet<>();
        int depth = 0;
        for (Token token : tokens.getTokens()) {
            switch (token.getType()) {
                case PalisadeLexer.UNTERMINATED_STRING -> {
                    diagnostics.error(DiagnosticCode.UNTERMINATED_STRING, span(source, token),
                            "string is not closed before the end of the line",
                            "close it with `" + token.getText().charAt(0) + "`, or use '''…''' for text over several lines");
                    errors++;
                }
                case PalisadeLexer.UNTERMINATED_BLOCK_COMMENT -> {
                    diagnostics.error(DiagnosticCode.UNTERMINATED_COMMENT, source.spanOfCodePoints(token.getStartIndex(), token.getStartIndex() + 1),
                            "comment is not closed before the end of the file", "close it with `*/`");
                    errors++;
                }
                case PalisadeLexer.INVALID_CHARACTER -> {
                    diagnostics.error(DiagnosticCode.INVALID_CHARACTER, span(source, token),
                            "character " + describe(token.getText()) + " is not allowed here");
                    errors++;
                }
                case PalisadeLexer.LBRACE -> {
                    depth++;
                    if (depth > PolicyParser.MAX_BRACE_DEPTH) {
                        diagnostics.error(DiagnosticCode.NESTING_TOO_DEEP, span(source, token),
                                "braces nest deeper than " + PolicyParser.MAX_BRACE_DEPTH + " levels",
                                "blocks in a policy nest at most two deep");
                        return new LexicalChecks(errors + 1, lines, errorTokens, true);
                    }
                }
                case PalisadeLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                    continue;
                }
            }
            if (token.getType() != PalisadeLexer.LBRACE && token.getType() != PalisadeLexer.RBRACE) {
                lines.add(token.getLine());
                errorTokens.add(token.getTokenIndex());
                ((CommonToken) token).setChannel(Token.HIDDEN_CHANNEL);
            }
            if (diagnostics.full()) {
                break;
            }
        }
        return new LexicalChecks(errors, lines, errorTokens, false);
    }

    private static Span span(SourceFile source, Token token) {
        return source.spanOfCodePoints(token.getStartIndex(), token.getStopIndex());
    }

    /** U+0007 style names for characters a terminal would not show. */
    private static String describe(String text) {
        int c = text.codePointAt(0);
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
            return String.format("U+%04X", c);
        }
        return "`" + text + "` (U+" + String.format("%04X", c) + ")";
    }
}
