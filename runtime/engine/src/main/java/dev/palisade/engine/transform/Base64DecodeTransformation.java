package dev.palisade.engine.transform;

/**
 * {@code t:base64Decode}: decodes standard (RFC 4648 §4) base64, all or nothing.
 *
 * <pre>SecRule REQUEST_HEADERS:Authorization "@rx ^Basic (.*)" "id:1,phase:1,capture,chain"
 *     SecRule TX:1 "@contains admin" "t:base64Decode"</pre>
 *
 * <p>ModSecurity v3 hands the value (up to its first NUL) to mbedTLS
 * {@code mbedtls_base64_decode} and yields an empty string when that fails. We restate
 * mbedTLS's rules:
 * <ul>
 *   <li>line breaks ({@code \n}, {@code \r\n}) anywhere and spaces at the end of a line or of
 *       the value are ignored; any other space, a lone {@code \r}, a byte outside the alphabet,
 *       more than two {@code =}, or an alphabet byte after {@code =} make the whole value
 *       invalid: the result is empty;
 *   <li>only complete groups of four are decoded; a shorter tail is dropped silently
 *       ({@code YWJjZA} is {@code abc}).
 * </ul>
 * Coraza instead decodes up to the first invalid byte (like ModSecurity v2); see
 * base64DecodeExt for the forgiving variant.
 */
final class Base64DecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "base64Decode";
    }

    @Override
    public String apply(String value) {
        int nul = value.indexOf('\0');
        int length = nul < 0 ? value.length() : nul;
        int padding = 0;
        for (int i = 0; i < length; i++) {
            int spaces = 0;
            while (i < length && value.charAt(i) == ' ') {
                i++;
                spaces++;
            }
            if (i == length) {
                break;
            }
            char c = value.charAt(i);
            if ((c == '\r' && i + 1 < length && value.charAt(i + 1) == '\n') || c == '\n') {
                continue;
            }
            if (spaces != 0 || (c == '=' && ++padding > 2)) {
                return value.isEmpty() ? value : "";
            }
            int sextet = Base64Alphabet.standardValue(c);
            if (c != '=' && (sextet < 0 || padding != 0)) {
                return value.isEmpty() ? value : "";
            }
        }
        byte[] out = new byte[length / 4 * 3 + 3];
        int written = 0;
        int inGroup = 0;
        int bits = 0;
        int kept = 3;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == ' ') {
                continue;
            }
            if (c == '=') {
                kept--;
            }
            bits = (bits << 6) | (c == '=' ? 0 : Base64Alphabet.standardValue(c));
            if (++inGroup == 4) {
                inGroup = 0;
                for (int k = 0; k < kept; k++) {
                    out[written++] = (byte) (bits >> (16 - 8 * k));
                }
            }
        }
        String decoded = ByteStrings.fromBytes(out, written);
        return decoded.equals(value) ? value : decoded;
    }
}
