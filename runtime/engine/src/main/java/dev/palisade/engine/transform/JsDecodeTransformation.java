package dev.palisade.engine.transform;

/**
 * {@code t:jsDecode}: JavaScript escape sequences to bytes.
 *
 * <pre>SecRule ARGS "@rx alert\(" "id:1,phase:2,t:jsDecode,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code js_decode.cc} (Coraza {@code js_decode.go} ports it):
 * <ul>
 *   <li><code>&#92;uHHHH</code> (lower-case {@code u} only) keeps the low byte, with the full-width ASCII
 *       mapping of urlDecodeUni (<code>&#92;uff41</code> is {@code a});
 *   <li>{@code \xHH} (lower-case {@code x} only);
 *   <li>{@code \OOO}: one to three octal digits, but only two when three would exceed 0377
 *       ({@code \400} is byte 040 followed by {@code 0});
 *   <li>{@code \a \b \f \n \r \t \v} are the control characters; any other escaped byte is
 *       itself ({@code \'}, {@code \\}, and also <code>&#92;u</code> or {@code \x} not followed by enough
 *       hex digits);
 *   <li>a backslash at the very end is kept.
 * </ul>
 */
final class JsDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "jsDecode";
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
            if (next == 'u' && i + 5 < length && ByteStrings.hexDigits(value, i + 2, 4)) {
                out[written++] = ByteStrings.wideToByte(value, i + 2);
                i += 6;
            } else if (next == 'x' && i + 3 < length && ByteStrings.hexDigits(value, i + 2, 2)) {
                out[written++] = ByteStrings.twoDigitsToByte(value.charAt(i + 2), value.charAt(i + 3));
                i += 4;
            } else if (ByteStrings.isOctalDigit(next)) {
                int digits = 1;
                while (digits < 3 && i + 1 + digits < length && ByteStrings.isOctalDigit(value.charAt(i + 1 + digits))) {
                    digits++;
                }
                // \OOO is one byte: a third digit that would overflow it is not part of the escape.
                if (digits == 3 && next > '3') {
                    digits = 2;
                }
                int number = 0;
                for (int k = 0; k < digits; k++) {
                    number = number * 8 + (value.charAt(i + 1 + k) - '0');
                }
                out[written++] = (char) number;
                i += 1 + digits;
            } else {
                out[written++] = singleCharEscape(next);
                i += 2;
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }

    private static char singleCharEscape(char c) {
        switch (c) {
            case 'a': return 0x07;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return 0x0b;
            default: return c;
        }
    }
}
