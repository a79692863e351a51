package dev.palisade.engine.transform;

/**
 * {@code t:urlDecodeUni}: like {@code urlDecode}, and also the IIS {@code %uHHHH} form.
 *
 * <pre>SecRule ARGS "@rx (?i)<script" "id:1,phase:2,t:urlDecodeUni,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code url_decode_uni.cc} (Coraza {@code url_decode_uni.go} is the
 * same port) without a {@code SecUnicodeMapFile}:
 * <ul>
 *   <li>{@code %uHHHH} (either {@code u} or {@code U}) keeps the low byte {@code HH} and drops
 *       the high one, except full-width ASCII: {@code %uFF01}–{@code %uFF5E} become
 *       {@code !}–{@code ~} (low byte plus 0x20);
 *   <li>{@code %u} without four hex digits after it is copied as {@code %u} and decoding goes
 *       on after it, so {@code %u%41} is {@code %uA};
 *   <li>{@code %HH} as in urlDecode; any other {@code %} is kept; {@code +} becomes a space.
 * </ul>
 * With {@code SecUnicodeMapFile unicode.mapping 20127} (ModSecurity's recommended config) and in
 * Coraza (a built-in best-fit table), {@code %uHHHH} first goes through that map, e.g.
 * {@code %u201c} to {@code "} and {@code %u00e9} to {@code e}; that is configuration, not this
 * transformation, and is not implemented here.
 */
final class UrlDecodeUniTransformation implements Transformation {

    @Override
    public String name() {
        return "urlDecodeUni";
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
            if (c == '%' && i + 1 < length && (value.charAt(i + 1) == 'u' || value.charAt(i + 1) == 'U')) {
                if (i + 5 < length && ByteStrings.hexDigits(value, i + 2, 4)) {
                    out[written++] = ByteStrings.wideToByte(value, i + 2);
                    i += 6;
                } else {
                    out[written++] = '%';
                    out[written++] = value.charAt(i + 1);
                    i += 2;
                }
            } else if (c == '%' && i + 2 < length && ByteStrings.hexDigits(value, i + 1, 2)) {
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
