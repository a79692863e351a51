package dev.palisade.engine.transform;

/**
 * {@code t:compressWhitespace}: each run of whitespace becomes one space.
 *
 * <pre>SecRule ARGS "@contains union select" "id:1,phase:2,t:compressWhitespace,deny"</pre>
 *
 * <p>Whitespace is C's {@code isspace}: space, {@code \t \n \v \f \r}, which is what
 * ModSecurity v3 {@code compress_whitespace.cc} tests. The v2 reference manual also lists
 * non-breaking space 0xA0 (and Coraza adds 0x85 and 0xA0); v3 does not, and we follow v3.
 */
final class CompressWhitespaceTransformation implements Transformation {

    @Override
    public String name() {
        return "compressWhitespace";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        char[] out = new char[length];
        int written = 0;
        boolean inWhitespace = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!ByteStrings.isSpace(c)) {
                out[written++] = c;
                inWhitespace = false;
            } else if (!inWhitespace) {
                out[written++] = ' ';
                inWhitespace = true;
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }
}
