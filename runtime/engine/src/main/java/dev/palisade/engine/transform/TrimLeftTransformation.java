package dev.palisade.engine.transform;

/**
 * {@code t:trimLeft}: removes whitespace from the start.
 *
 * <pre>SecRule ARGS:cmd "@beginsWith rm" "id:1,phase:2,t:trimLeft,deny"</pre>
 *
 * <p>ModSecurity v3 {@code trim_left.cc}: whitespace is C's {@code isspace} (space and
 * {@code \t \n \v \f \r}).
 */
final class TrimLeftTransformation implements Transformation {

    @Override
    public String name() {
        return "trimLeft";
    }

    @Override
    public String apply(String value) {
        int start = firstNonSpace(value);
        return start == 0 ? value : value.substring(start);
    }

    static int firstNonSpace(String value) {
        int start = 0;
        while (start < value.length() && ByteStrings.isSpace(value.charAt(start))) {
            start++;
        }
        return start;
    }
}
