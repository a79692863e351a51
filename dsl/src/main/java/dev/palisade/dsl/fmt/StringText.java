package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.StringLiteral.Quoting;

/** Strings written back: in the author's quoting when it can hold the value, else double-quoted. */
final class StringText {
    private StringText() {}

    static String of(StringLiteral literal) {
        return of(literal.value(), literal.quoting());
    }

    static String of(String value, Quoting quoting) {
        return switch (quoting) {
            // '''…''' ends at the first ''' and is verbatim: its value is its text, line breaks included.
            case TRIPLE -> value.contains("'''") || value.endsWith("'") ? quoted(value) : "'''" + value + "'''";
            // '…' has no escapes and ends at the line: it cannot hold a quote or a line break.
            case SINGLE -> value.indexOf('\'') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                    ? quoted(value) : "'" + value + "'";
            case DOUBLE, BARE -> quoted(value); // BARE: SecLang only, never in a policy
        };
    }

    /** {@code "…"} with the escapes the parser reads; control characters and lone surrogates as {@code \\uXXXX}. */
    static String quoted(String value) {
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '\r' -> text.append("\\r");
                default -> {
                    if (Character.isISOControl(c) || isLoneSurrogate(value, i)) {
                        text.append(String.format("\\u%04X", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
