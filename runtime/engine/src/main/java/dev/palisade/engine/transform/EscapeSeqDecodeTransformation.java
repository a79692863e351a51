package dev.palisade.engine.transform;

/**
 * {@code t:escapeSeqDecode}: ANSI C escape sequences to bytes.
 *
 * <pre>SecRule ARGS "@contains /etc/passwd" "id:1,phase:2,t:escapeSeqDecode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code escape_seq_decode.cc} ({@code ansi_c_sequences_decode_inplace};
 * Coraza {@code escape_seq_decode.go}):
 * <ul>
 *   <li>{@code \a \b \f \n \r \t \v \\ \? \' \"};
 *   <li>{@code \xHH} or {@code \XHH}: exactly two hex digits;
 *   <li>{@code \O}, {@code \OO}, {@code \OOO}: up to three octal digits, reduced to a byte
 *       ({@code \777} is 0xFF);
 *   <li>any other escape, including {@code \x} without two hex digits, drops the backslash and
 *       keeps the next byte; a backslash at the very end is kept.
 * </ul>
 */
final class EscapeSeqDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "escapeSeqDecode";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('\\');
        if (first < 0) {
            return value;
        }
        int length = value.length();
        char[] out = new char[length];
        value.getChars(0, first, out, 0);
        int written = first;
        int i = first;
        while (i < length) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 >= length) {
                out[written++] = c;
                i++;
                continue;
            }
            char next = value.charAt(i + 1);
            int simple = simpleEscape(next);
            if (simple >= 0) {
                out[written++] = (char) simple;
                i += 2;
            } else if ((next == 'x' || next == 'X') && i + 3 < length
                    && ByteStrings.isHexDigit(value.charAt(i + 2)) && ByteStrings.isHexDigit(value.charAt(i + 3))) {
                out[written++] = ByteStrings.twoDigitsToByte(value.charAt(i + 2), value.charAt(i + 3));
                i += 4;
            } else if (ByteStrings.isOctalDigit(next)) {
                int digits = 1;
                int number = next - '0';
                while (digits < 3 && i + 1 + digits < length && ByteStrings.isOctalDigit(value.charAt(i + 1 + digits))) {
                    number = number * 8 + (value.charAt(i + 1 + digits) - '0');
                    digits++;
                }
                out[written++] = (char) (number & 0xff);
                i += 1 + digits;
            } else {
                out[written++] = next; // unknown escape: the backslash goes, the byte stays
                i += 2;
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }

    private static int simpleEscape(char c) {
        switch (c) {
            case 'a': return 0x07;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return 0x0b;
            case '\\': case '?': case '\'': case '"': return c;
            default: return -1;
        }
    }
}
