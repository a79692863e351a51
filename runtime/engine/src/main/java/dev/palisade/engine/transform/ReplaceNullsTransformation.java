package dev.palisade.engine.transform;

/**
 * {@code t:replaceNulls}: replaces every NUL byte (0x00) with a space.
 *
 * <pre>SecRule ARGS "@contains a b" "id:1,phase:2,t:replaceNulls,deny"</pre>
 *
 * <p>ModSecurity v3 {@code replace_nulls.cc}, Coraza {@code replace_nulls.go}.
 */
final class ReplaceNullsTransformation implements Transformation {

    @Override
    public String name() {
        return "replaceNulls";
    }

    @Override
    public String apply(String value) {
        if (value.indexOf('\0') < 0) {
            return value;
        }
        return value.replace('\0', ' ');
    }
}
