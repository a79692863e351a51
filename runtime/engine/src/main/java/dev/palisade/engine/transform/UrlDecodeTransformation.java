package dev.palisade.engine.transform;

/**
 * {@code t:urlDecode}: {@code %HH} to the byte, {@code +} to a space.
 *
 * <pre>SecRule REQUEST_URI "@contains /admin" "id:1,phase:1,t:urlDecode,deny"</pre>
 *
 * <p>ModSecurity's non-strict decoder ({@code urldecode_nonstrict_inplace}, used by v3
 * {@code url_decode.cc}; Coraza {@code url_decode.go}): a {@code %} not followed by two hex
 * digits, including one too close to the end, is kept as it is and decoding goes on with the
 * next byte. Hex digits may be either case. One pass: {@code %2541} becomes {@code %41}.
 */
final class UrlDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "urlDecode";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && value.charAt(first) != '%' && value.charAt(first) != '+') {
            first++;
        }
        if (first == length) {
            return value;
        }
        char[] out = new char[length];
        value.getChars(0, first, out, 0);
        int written = first;
        int i = first;
        while (i < length) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < length
                    && ByteStrings.isHexDigit(value.charAt(i + 1)) && ByteStrings.isHexDigit(value.charAt(i + 2))) {
                out[written++] = ByteStrings.twoDigitsToByte(value.charAt(i + 1), value.charAt(i + 2));
                i += 3;
            } else {
                out[written++] = c == '+' ? ' ' : c;
                i++;
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }
}
