package dev.palisade.engine.transform;

/**
 * {@code t:removeNulls}: deletes every NUL byte (0x00).
 *
 * <pre>SecRule ARGS "@rx <script" "id:1,phase:2,t:urlDecodeUni,t:removeNulls,deny"</pre>
 *
 * <p>ModSecurity v3 {@code remove_nulls.cc}, Coraza {@code remove_nulls.go}.
 */
final class RemoveNullsTransformation implements Transformation {

    @Override
    public String name() {
        return "removeNulls";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('\0');
        if (first < 0) {
            return value;
        }
        int length = value.length();
        char[] out = new char[length];
        value.getChars(0, first, out, 0);
        int written = first;
        for (int i = first + 1; i < length; i++) {
            char c = value.charAt(i);
            if (c != '\0') {
                out[written++] = c;
            }
        }
        return new String(out, 0, written);
    }
}
