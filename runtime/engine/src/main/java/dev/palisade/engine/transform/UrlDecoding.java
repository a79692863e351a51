package dev.palisade.engine.transform;

/**
 * ModSecurity's non-strict URL decoding ({@code urldecode_nonstrict_inplace}), the one decoder
 * behind {@code t:urlDecode}, argument parsing and the request path: {@code %HH} (either case) to
 * its byte; a {@code %} not followed by two hex digits, including one too close to the end, stays
 * as it is and decoding goes on with the next byte. One pass: {@code %2541} becomes {@code %41}.
 */
public final class UrlDecoding {
    private UrlDecoding() {}

    /**
     * Decodes {@code value}; returns the same instance when nothing changed.
     *
     * @param plusIsSpace whether {@code +} means a space (query strings and forms; not paths)
     * @param invalid when not null, {@code invalid[0]} is set if a {@code %} had to be kept
     */
    public static String decode(String value, boolean plusIsSpace, boolean[] invalid) {
        int length = value.length();
        int first = 0;
        while (first < length && value.charAt(first) != '%' && !(plusIsSpace && value.charAt(first) == '+')) {
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
                continue;
            }
            if (c == '%' && invalid != null) {
                invalid[0] = true;
            }
            out[written++] = plusIsSpace && c == '+' ? ' ' : c;
            i++;
        }
        return ByteStrings.unchangedOr(value, out, written);
    }
}
