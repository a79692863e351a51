package dev.palisade.engine.transform;

/**
 * {@code t:base64DecodeExt}: forgiving base64 decoding, for values an attacker has salted with
 * junk bytes.
 *
 * <pre>SecRule ARGS:data "@contains <script" "id:1,phase:2,t:base64DecodeExt,deny"</pre>
 *
 * <p>ModSecurity v3 {@code Base64::decode_forgiven} (Coraza {@code base64decodeext.go} is
 * similar): bytes outside the standard and URL-safe alphabets are skipped; {@code =} is skipped
 * too, except that one {@code =} not followed by another, arriving when exactly one sextet of a
 * group has been read, makes the result empty (such input cannot be base64); a partial last
 * byte is dropped.
 */
final class Base64DecodeExtTransformation implements Transformation {

    @Override
    public String name() {
        return "base64DecodeExt";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        byte[] out = new byte[length / 4 * 3 + 3];
        int written = 0;
        int sextets = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '=') {
                boolean nextIsPad = i + 1 < length && value.charAt(i + 1) == '=';
                if (!nextIsPad && sextets % 4 == 1) {
                    return value.isEmpty() ? value : "";
                }
                continue;
            }
            int sextet = Base64Alphabet.anyValue(c);
            if (sextet < 0) {
                continue;
            }
            bits = (bits << 6) | sextet;
            sextets++;
            if (sextets % 4 == 2) {
                out[written++] = (byte) (bits >> 4);
            } else if (sextets % 4 == 3) {
                out[written++] = (byte) (bits >> 2);
            } else if (sextets % 4 == 0) {
                out[written++] = (byte) bits;
            }
        }
        String decoded = ByteStrings.fromBytes(out, written);
        return decoded.equals(value) ? value : decoded;
    }
}
