package dev.palisade.engine.transform;

/**
 * {@code t:htmlEntityDecode}: HTML character references to bytes.
 *
 * <pre>SecRule ARGS "@rx <script" "id:1,phase:2,t:htmlEntityDecode,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code html_entity_decode.cc}, which is deliberately lax (browsers
 * are too), not the HTML5 algorithm Coraza's Go library implements:
 * <ul>
 *   <li>{@code &#xHH;} / {@code &#XHH;} and {@code &#DDD;}: any number of digits, the semicolon
 *       optional; the value is reduced to its low byte ({@code &#x141;} is {@code A}); a value
 *       too large for C's {@code strtol} saturates, whose low byte is 0xFF;
 *   <li>{@code &quot; &amp; &lt; &gt; &nbsp;} (names in any case, semicolon optional; nbsp is
 *       byte 0xA0); the name is the whole run of ASCII letters and digits, so {@code &ltx} is
 *       left alone;
 *   <li>anything else ({@code &copy;}, {@code &#;}, a lone {@code &}) is copied unchanged.
 * </ul>
 */
final class HtmlEntityDecodeTransformation implements Transformation {

    private static final char NBSP = 0xa0;

    @Override
    public String name() {
        return "htmlEntityDecode";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('&');
        if (first < 0) {
            return value;
        }
        int length = value.length();
        char[] out = new char[length];
        value.getChars(0, first, out, 0);
        int written = first;
        int i = first;
        while (i < length) {
            int end = value.charAt(i) == '&' ? decodeAt(value, i, out, written) : -1;
            if (end < 0) {
                out[written++] = value.charAt(i++);
                continue;
            }
            written++;
            i = end < length && value.charAt(end) == ';' ? end + 1 : end;
        }
        return ByteStrings.unchangedOr(value, out, written);
    }

    /**
     * Decodes the reference starting with the {@code &} at {@code amp} into {@code out[at]} and
     * returns where its digits or name end (before any semicolon), or -1 when it is no reference
     * ModSecurity decodes; then the {@code &} is copied and scanning resumes after it, which
     * gives the same output as ModSecurity copying the whole unrecognised prefix.
     */
    private static int decodeAt(String value, int amp, char[] out, int at) {
        int length = value.length();
        int j = amp + 1;
        if (j >= length) {
            return -1;
        }
        if (value.charAt(j) == '#') {
            j++;
            boolean hex = j < length && (value.charAt(j) == 'x' || value.charAt(j) == 'X');
            if (hex) {
                j++;
            }
            int start = j;
            long number = 0;
            while (j < length && (hex ? ByteStrings.isHexDigit(value.charAt(j)) : ByteStrings.isDigit(value.charAt(j)))) {
                int digit = hex ? ByteStrings.hexValue(value.charAt(j)) : value.charAt(j) - '0';
                int radix = hex ? 16 : 10;
                // strtol saturates at LONG_MAX on overflow; its low byte is 0xFF.
                number = number > (Long.MAX_VALUE - digit) / radix ? Long.MAX_VALUE : number * radix + digit;
                j++;
            }
            if (j == start) {
                return -1;
            }
            out[at] = (char) (number & 0xff);
            return j;
        }
        int start = j;
        while (j < length && ByteStrings.isAlphanumeric(value.charAt(j))) {
            j++;
        }
        char decoded = named(value.substring(start, j));
        if (decoded == 0) {
            return -1;
        }
        out[at] = decoded;
        return j;
    }

    /** The five entities ModSecurity knows, any case; 0 for the rest. */
    private static char named(String name) {
        if (name.equalsIgnoreCase("quot")) {
            return '"';
        } else if (name.equalsIgnoreCase("amp")) {
            return '&';
        } else if (name.equalsIgnoreCase("lt")) {
            return '<';
        } else if (name.equalsIgnoreCase("gt")) {
            return '>';
        } else if (name.equalsIgnoreCase("nbsp")) {
            return NBSP;
        }
        return 0;
    }
}
