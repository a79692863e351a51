package dev.palisade.engine.transform;

/**
 * {@code t:parityEven7bit}: sets or clears each byte's high bit for even parity.
 *
 * <pre>SecRule ARGS "@contains admin" "id:1,phase:2,t:parityEven7bit,deny"</pre>
 *
 * <p>ModSecurity v3 {@code parity_even_7bit.cc}: the parity is taken over all eight bits of the
 * input byte; when it is odd the high bit is set, else cleared. For 7-bit input that is the
 * usual even-parity encoding; for a byte that already has its high bit set the result follows
 * the same rule (0x81 becomes 0x01), as in ModSecurity.
 */
final class ParityEven7bitTransformation implements Transformation {

    @Override
    public String name() {
        return "parityEven7bit";
    }

    @Override
    public String apply(String value) {
        char[] out = new char[value.length()];
        for (int i = 0; i < out.length; i++) {
            char c = value.charAt(i);
            boolean odd = (Integer.bitCount(c & 0xff) & 1) == 1;
            out[i] = (char) (odd ? (c & 0xff) | 0x80 : c & 0x7f);
        }
        return ByteStrings.unchangedOr(value, out, out.length);
    }
}
