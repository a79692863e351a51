package dev.palisade.engine.transform;

/**
 * {@code t:hexEncode}: each byte as two lower-case hex digits ({@code AB} is {@code 4142}).
 *
 * <pre>SecRule REQUEST_HEADERS:User-Agent "@pm 5f5f" "id:1,phase:1,t:sha1,t:hexEncode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code hex_encode.cc}, Coraza {@code hex_encode.go}; CRS pairs it with
 * sha1 to compare digests.
 */
final class HexEncodeTransformation implements Transformation {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String name() {
        return "hexEncode";
    }

    @Override
    public String apply(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char[] out = new char[value.length() * 2];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out[2 * i] = HEX[(c >> 4) & 0xf];
            out[2 * i + 1] = HEX[c & 0xf];
        }
        return new String(out);
    }
}
