package dev.palisade.engine.transform;

/**
 * {@code t:trim}: removes whitespace from both ends.
 *
 * <pre>SecRule ARGS:id "@rx ^\d+$" "id:1,phase:2,t:trim,pass"</pre>
 *
 * <p>ModSecurity v3 {@code trim.cc} (Coraza {@code trim.go}): whitespace is C's
 * {@code isspace}, i.e. space and {@code \t \n \v \f \r}; NUL and 0xA0 are not trimmed.
 */
final class TrimTransformation implements Transformation {

    @Override
    public String name() {
        return "trim";
    }

    @Override
    public String apply(String value) {
        int start = TrimLeftTransformation.firstNonSpace(value);
        int end = TrimRightTransformation.endOfNonSpace(value, start);
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }
}
