package dev.palisade.engine.transform;

/**
 * {@code t:parityOdd7bit}: sets or clears each byte's high bit for odd parity.
 *
 * <pre>SecRule ARGS "@contains admin" "id:1,phase:2,t:parityOdd7bit,deny"</pre>
 *
 * <p>ModSecurity v3 {@code parity_odd_7bit.cc}: the parity is taken over all eight bits of the
 * input byte; when it is odd the high bit is cleared, else set. For 7-bit input that is the
 * usual odd-parity encoding ({@code a}, 0x61, becomes 0xE1).
 */
final class ParityOdd7bitTransformation implements Transformation {

    @Override
    public String name() {
        return "parityOdd7bit";
    }

    @Override
    public String apply(String value) {
        char[] out = new char[value.length()];
        for (int i = 0; i < out.length; i++) {
            char c = value.charAt(i);
            boolean odd = (Integer.bitCount(c & 0xff) & 1) == 1;
            out[i] = (char) (odd ? c & 0x7f : (c & 0xff) | 0x80);
        }
        return ByteStrings.unchangedOr(value, out, out.length);
    }
}
