package dev.palisade.dsl.parse;

import dev.palisade.dsl.grammar.PalisadeLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/** How tokens are named to users: keywords in backticks, the rest in words. */
final class TokenNames {
    private static final Vocabulary VOCABULARY = PalisadeLexer.VOCABULARY;

    private TokenNames() {}

    static boolean isKeyword(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    /** The keyword itself, without quotes: {@code allow}. */
    static String literal(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        return literal == null ? VOCABULARY.getSymbolicName(type) : literal.substring(1, literal.length() - 1);
    }

    static String describe(int type) {
        return switch (type) {
            case Token.EOF -> "the end of the file";
            case PalisadeLexer.ID -> "a name";
            case PalisadeLexer.STRING, PalisadeLexer.RAW_STRING, PalisadeLexer.RAW_BLOCK -> "a string";
            case PalisadeLexer.NUMBER -> "a number";
            case PalisadeLexer.DURATION -> "a duration like `5s`";
            case PalisadeLexer.OPERATOR -> "an operator like `@rx`";
            case PalisadeLexer.ARROW -> "`->`";
            default -> "`" + literal(type) + "`";
        };
    }
}
