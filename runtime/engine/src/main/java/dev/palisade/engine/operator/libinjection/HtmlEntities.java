package dev.palisade.engine.operator.libinjection;

/**
 * Decodes one character of HTML text, resolving numeric character references ({@code &#106;},
 * {@code &#x6A;}, with or without the {@code ;}), because browsers decode them in attribute values
 * before reading a URL's scheme: {@code href="&#106;avascript:..."} runs script.
 *
 * <p>Named references are not decoded ({@code &amp;} reads as {@code &}); upstream does the same,
 * the scheme names being plain letters.
 */
final class HtmlEntities {

    /** Larger references are not characters: the "&" is then taken literally. */
    private static final int MAX_REFERENCE = 0x1000FF;

    private HtmlEntities() {}

    /**
     * The character at {@code s[from]} (decoded when it starts a numeric reference), and how many
     * chars it took, packed as {@code value << 32 | consumed}; {@code from < end}.
     */
    static long decodeAt(String s, int from, int end) {
        int len = end - from;
        char first = s.charAt(from);
        if (first != '&' || len < 2) {
            return pack(first, 1);
        }
        if (s.charAt(from + 1) != '#') {
            return pack('&', 1);
        }
        char kind = peek(s, from + 2);
        boolean hex = kind == 'x' || kind == 'X';
        int radix = hex ? 16 : 10;
        int i = hex ? 3 : 2;
        int digit = Character.digit(peek(s, from + i), radix);
        if (digit < 0 || peek(s, from + i) > 'f') {
            return pack('&', 1); // "&#" not followed by a digit
        }
        int value = digit;
        for (i++; i < len; i++) {
            char c = s.charAt(from + i);
            if (c == ';') {
                return pack(value, i + 1);
            }
            digit = c > 'f' ? -1 : Character.digit(c, radix);
            if (digit < 0) {
                return pack(value, i);
            }
            value = value * radix + digit;
            if (value > MAX_REFERENCE) {
                return pack('&', 1);
            }
        }
        return pack(value, i);
    }

    static int value(long decoded) {
        return (int) (decoded >>> 32);
    }

    static int consumed(long decoded) {
        return (int) decoded;
    }

    private static long pack(int value, int consumed) {
        return (long) value << 32 | consumed;
    }

    /** Upstream reads these two bytes even past the value's end; past the input they are NUL. */
    private static char peek(String s, int index) {
        return index < s.length() ? s.charAt(index) : 0;
    }
}
