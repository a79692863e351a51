package dev.palisade.engine.transform;

/**
 * {@code t:length}: the value's length in bytes, as a decimal string.
 *
 * <pre>SecRule ARGS "@gt 400" "id:1,phase:2,t:length,deny"</pre>
 *
 * <p>ModSecurity v3 {@code length.cc} ({@code std::to_string(value.size())}), Coraza
 * {@code length.go}: the empty string has length {@code 0}.
 */
final class LengthTransformation implements Transformation {

    @Override
    public String name() {
        return "length";
    }

    @Override
    public String apply(String value) {
        String length = Integer.toString(value.length());
        return length.equals(value) ? value : length;
    }
}
