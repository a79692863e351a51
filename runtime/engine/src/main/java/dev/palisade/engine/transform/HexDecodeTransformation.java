package dev.palisade.engine.transform;

/**
 * {@code t:hexDecode}: pairs of hex digits to bytes ({@code 414243} is {@code ABC}).
 *
 * <pre>SecRule ARGS:payload "@contains <script" "id:1,phase:2,t:hexDecode,deny"</pre>
 *
 * <p>ModSecurity v3 {@code hex_decode.cc} decodes every pair with {@code x2c} and checks
 * nothing: a non-hex byte still yields some byte (we reproduce x2c's arithmetic, modulo 256),
 * and an odd last byte is dropped. (Coraza leaves invalid input unchanged instead.)
 */
final class HexDecodeTransformation implements Transformation {

    @Override
    public String name() {
        return "hexDecode";
    }

    @Override
    public String apply(String value) {
        int pairs = value.length() / 2;
        char[] out = new char[pairs];
        for (int k = 0; k < pairs; k++) {
            out[k] = ByteStrings.twoDigitsToByte(value.charAt(2 * k), value.charAt(2 * k + 1));
        }
        return ByteStrings.unchangedOr(value, out, pairs);
    }
}
