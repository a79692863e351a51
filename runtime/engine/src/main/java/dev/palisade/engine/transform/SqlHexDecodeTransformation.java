package dev.palisade.engine.transform;

/**
 * {@code t:sqlHexDecode}: SQL hex literals {@code 0xHHHH…} to the bytes they spell.
 *
 * <pre>SecRule ARGS "@contains union select" "id:1,phase:2,t:sqlHexDecode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code sql_hex_decode.cc}: {@code 0x} or {@code 0X} followed by at least two
 * hex digits loses its prefix and each following pair of hex digits becomes a byte; an odd
 * last digit stays as it is ({@code 0x414} is {@code A4}); {@code 0x} without two hex digits is
 * kept. Two things of ModSecurity's C loop are not reproduced, as they are off-by-one and
 * C-string artefacts rather than semantics: it drops the value's last byte when that byte is
 * not consumed by a literal, and it stops at the first NUL. Coraza has no sqlHexDecode.
 */
final class SqlHexDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "sqlHexDecode";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        char[] out = new char[length];
        int written = 0;
        int i = 0;
        while (i < length) {
            char c = value.charAt(i);
            if (c == '0' && i + 3 < length && (value.charAt(i + 1) | 0x20) == 'x'
                    && ByteStrings.isHexDigit(value.charAt(i + 2)) && ByteStrings.isHexDigit(value.charAt(i + 3))) {
                i += 2;
                while (i + 1 < length && ByteStrings.isHexDigit(value.charAt(i)) && ByteStrings.isHexDigit(value.charAt(i + 1))) {
                    out[written++] = ByteStrings.twoDigitsToByte(value.charAt(i), value.charAt(i + 1));
                    i += 2;
                }
            } else {
                out[written++] = c;
                i++;
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }
}
