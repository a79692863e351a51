package dev.palisade.dsl.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The noise of a random policy file: whitespace (LF, CRLF, lone CR, tabs), comments with unique
 * texts, and string literals in every quoting with random escapes. Each comment starts with
 * {@code cN;}, so counting its text in the output cannot match another comment.
 */
final class RandomLexemes {
    private static final String[] BLANKS = {" ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n    ", " \r\n\t", "\n\n"};
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};
    private static final String[] PIECES = {
        "a", "b", "/", "x y", "\"", "\\", "\t", "\n", "é", "\u0001", "'", "{", "}", "😀", "@rx", "ARGS", "*",
    };
    private static final String[] COMMENT_TAILS = {"", " note", "  trailing blanks  \t", " *", " // nested", " -> →"};

    private final Random random;
    private final List<String> comments = new ArrayList<>();

    RandomLexemes(Random random) {
        this.random = random;
    }

    List<String> comments() {
        return comments;
    }

    /** What goes between two tokens: at least one blank, sometimes comments. */
    String separator() {
        StringBuilder text = new StringBuilder(pick(BLANKS));
        int roll = random.nextInt(12);
        if (roll == 0 || roll == 2) {
            text.append(blockComment()).append(pick(BLANKS));
        }
        if (roll == 1 || roll == 2) {
            text.append(lineComment()).append(pick(LINE_ENDS));
        }
        return text.toString();
    }

    private String blockComment() {
        String body = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> " over\r\n   two lines  ";
            case 2 -> "\n * starred\n ";
            default -> pick(COMMENT_TAILS);
        };
        String comment = "/* c" + comments.size() + ";" + body + " */";
        comments.add(comment);
        return comment;
    }

    private String lineComment() {
        String comment = "// c" + comments.size() + ";" + pick(COMMENT_TAILS);
        comments.add(comment);
        return comment;
    }

    /** A string literal: double-quoted with random escapes, single-quoted raw, or a triple-quoted block. */
    String string() {
        return switch (random.nextInt(5)) {
            case 0 -> single();
            case 1 -> triple();
            default -> doubleQuoted(value());
        };
    }

    String doubleQuoted(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append(random.nextBoolean() ? "\\n" : "\\u000a");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append(random.nextBoolean() ? "\\t" : "\t");
                case '\'' -> text.append(random.nextBoolean() ? "\\'" : "'");
                default -> text.append(random.nextInt(8) == 0 && !Character.isSurrogate(c)
                        ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return text.append('"').toString();
    }

    private String single() {
        String value = value().replaceAll("['\r\n]", "");
        return "'" + value + "'";
    }

    private String triple() {
        // No quote inside: a block ends at the first three quotes and cannot end with a quote.
        String value = value().replace("'", "") + (random.nextBoolean() ? "\r\n  line two  \n" : "") + "z";
        return "'''" + value + "'''";
    }

    private String value() {
        StringBuilder value = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            value.append(pick(PIECES));
        }
        return value.toString();
    }

    String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
