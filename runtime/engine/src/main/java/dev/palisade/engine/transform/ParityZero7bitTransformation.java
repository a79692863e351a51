package dev.palisade.engine.transform;

/**
 * {@code t:parityZero7bit}: clears each byte's high bit.
 *
 * <pre>SecRule ARGS "@contains admin" "id:1,phase:2,t:parityZero7bit,deny"</pre>
 *
 * <p>ModSecurity v3 {@code parity_zero_7bit.cc}: for data sent with a parity bit, strips it
 * ({@code á}, 0xE1, becomes {@code a}).
 */
final class ParityZero7bitTransformation implements Transformation {

    @Override
    public String name() {
        return "parityZero7bit";
    }

    @Override
    public String apply(String value) {
        int first = 0;
        while (first < value.length() && value.charAt(first) < 0x80) {
            first++;
        }
        if (first == value.length()) {
            return value;
        }
        char[] out = value.toCharArray();
        for (int i = first; i < out.length; i++) {
            out[i] = (char) (out[i] & 0x7f);
        }
        return new String(out);
    }
}
