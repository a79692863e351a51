package dev.palisade.engine.transform;

/**
 * {@code t:base64Encode}: standard base64 (RFC 4648 §4) with {@code =} padding, no line breaks.
 *
 * <pre>SecRule ARGS:token "@streq YWRtaW4=" "id:1,phase:2,t:base64Encode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code base64_encode.cc} (mbedTLS), Coraza {@code base64encode.go}.
 */
final class Base64EncodeTransformation implements Transformation {

    @Override
    public String name() {
        return "base64Encode";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        StringBuilder out = new StringBuilder((length + 2) / 3 * 4);
        for (int i = 0; i < length; i += 3) {
            int remaining = Math.min(3, length - i);
            int bits = (value.charAt(i) & 0xff) << 16;
            if (remaining > 1) {
                bits |= (value.charAt(i + 1) & 0xff) << 8;
            }
            if (remaining > 2) {
                bits |= value.charAt(i + 2) & 0xff;
            }
            for (int k = 0; k < 4; k++) {
                out.append(k <= remaining ? Base64Alphabet.STANDARD[(bits >> (18 - 6 * k)) & 0x3f] : '=');
            }
        }
        return ByteStrings.unchangedOr(value, out);
    }
}
