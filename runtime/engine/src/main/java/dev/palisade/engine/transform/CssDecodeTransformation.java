package dev.palisade.engine.transform;

/**
 * {@code t:cssDecode}: CSS 2 escapes ({@code \HHHHHH}, {@code \c}, escaped newlines) to bytes.
 *
 * <pre>SecRule ARGS "@rx expression\(" "id:1,phase:2,t:cssDecode,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code css_decode.cc} (CSS 2.1 §4.1.3 as ModSecurity reads it), on
 * bytes:
 * <ul>
 *   <li>a backslash and one to six hex digits is one byte: the value of a single digit, else the
 *       last two digits; with four digits, or five or six whose leading extra digits are
 *       {@code 0}, the full-width ASCII mapping applies ({@code \ff41} is {@code a});
 *   <li>one whitespace byte right after a hex escape is part of it and dropped;
 *   <li>a backslash before a newline ({@code \n} only) drops both;
 *   <li>a backslash before any other byte drops the backslash; one at the very end is dropped.
 * </ul>
 * Newer Coraza emits UTF-8 for escapes above 0x7F and U+FFFD for {@code \0}; we keep
 * ModSecurity's single byte, as the rest of the byte-string pipeline does.
 */
final class CssDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "cssDecode";
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
            if (c != '\\') {
                out[written++] = c;
                i++;
                continue;
            }
            i++;
            if (i >= length) {
                break; // a backslash continuing to nothing is dropped
            }
            int digits = 0;
            while (digits < 6 && i + digits < length && ByteStrings.isHexDigit(value.charAt(i + digits))) {
                digits++;
            }
            if (digits > 0) {
                out[written++] = hexEscape(value, i, digits);
                if (i + digits < length && ByteStrings.isSpace(value.charAt(i + digits))) {
                    digits++;
                }
                i += digits;
            } else if (value.charAt(i) == '\n') {
                i++;
            } else {
                out[written++] = value.charAt(i++);
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }

    /** The byte for the {@code digits} hex digits at {@code start}, as ModSecurity computes it. */
    private static char hexEscape(String value, int start, int digits) {
        if (digits == 1) {
            return (char) ByteStrings.hexValue(value.charAt(start));
        }
        int end = start + digits;
        char low = ByteStrings.twoDigitsToByte(value.charAt(end - 2), value.charAt(end - 1));
        boolean fullWidthCandidate = digits == 4
                || (digits == 5 && value.charAt(start) == '0')
                || (digits == 6 && value.charAt(start) == '0' && value.charAt(start + 1) == '0');
        if (fullWidthCandidate && low > 0 && low < 0x5f
                && (value.charAt(end - 3) | 0x20) == 'f' && (value.charAt(end - 4) | 0x20) == 'f') {
            return (char) (low + 0x20);
        }
        return low;
    }
}
