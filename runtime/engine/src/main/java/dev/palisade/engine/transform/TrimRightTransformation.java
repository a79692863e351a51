package dev.palisade.engine.transform;

/**
 * {@code t:trimRight}: removes whitespace from the end.
 *
 * <pre>SecRule ARGS:file "@endsWith .php" "id:1,phase:2,t:trimRight,deny"</pre>
 *
 * <p>ModSecurity v3 {@code trim_right.cc}: whitespace is C's {@code isspace} (space and
 * {@code \t \n \v \f \r}).
 */
final class TrimRightTransformation implements Transformation {

    @Override
    public String name() {
        return "trimRight";
    }

    @Override
    public String apply(String value) {
        int end = endOfNonSpace(value, 0);
        return end == value.length() ? value : value.substring(0, end);
    }

    /** The end of {@code value} without its trailing whitespace, not below {@code floor}. */
    static int endOfNonSpace(String value, int floor) {
        int end = value.length();
        while (end > floor && ByteStrings.isSpace(value.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
