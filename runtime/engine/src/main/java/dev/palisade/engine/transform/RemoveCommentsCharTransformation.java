package dev.palisade.engine.transform;

/**
 * {@code t:removeCommentsChar}: deletes the comment markers themselves: {@code /*},
 * {@code *}{@code /}, {@code <!--}, {@code -->}, {@code --} and {@code #}; the text between
 * them stays.
 *
 * <pre>SecRule ARGS "@rx unionselect" "id:1,phase:2,t:removeCommentsChar,deny"</pre>
 *
 * <p>ModSecurity v3 {@code remove_comments_char.cc} (Coraza {@code remove_comments_char.go}):
 * scanning left to right, the first marker that matches at a position is deleted and scanning
 * resumes at the same position, so {@code /*}{@code /} loses {@code /*} and keeps {@code /}.
 */
final class RemoveCommentsCharTransformation implements Transformation {

    @Override
    public String name() {
        return "removeCommentsChar";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        StringBuilder out = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int marker = markerLength(value, i);
            if (marker > 0) {
                i += marker;
            } else {
                out.append(value.charAt(i++));
            }
        }
        return ByteStrings.unchangedOr(value, out);
    }

    private static int markerLength(String value, int i) {
        if (value.startsWith("/*", i) || value.startsWith("*/", i)) {
            return 2;
        } else if (value.startsWith("<!--", i)) {
            return 4;
        } else if (value.startsWith("-->", i)) {
            return 3;
        } else if (value.startsWith("--", i)) {
            return 2;
        } else if (value.charAt(i) == '#') {
            return 1;
        }
        return 0;
    }
}
