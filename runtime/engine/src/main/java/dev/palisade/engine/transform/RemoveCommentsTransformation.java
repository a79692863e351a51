package dev.palisade.engine.transform;

/**
 * {@code t:removeComments}: deletes {@code /* … *}{@code /} and {@code <!-- … -->} comments, and
 * cuts the value at {@code --} or {@code #} (SQL and shell line comments).
 *
 * <pre>SecRule ARGS "@rx union select" "id:1,phase:2,t:removeComments,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code remove_comments.cc}, quirks included:
 * <ul>
 *   <li>either opener starts a comment that either closer ends ({@code /* a -->} is one);
 *   <li>the byte right after a closing {@code *}{@code /} or {@code -->} is copied without being
 *       looked at, so {@code /*a*}{@code /#b} keeps {@code #b};
 *   <li>outside comments, {@code --} or {@code #} drops the rest of the value;
 *   <li>an unterminated comment becomes one space.
 * </ul>
 * One deliberate difference: when a comment closes at the very end, ModSecurity copies the C
 * string terminator into the value (a trailing NUL); we copy nothing. Coraza does the same.
 */
final class RemoveCommentsTransformation implements Transformation {

    @Override
    public String name() {
        return "removeComments";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        char[] out = new char[length + 1];
        int written = 0;
        boolean inComment = false;
        int i = 0;
        while (i < length) {
            if (!inComment) {
                if (value.startsWith("/*", i)) {
                    inComment = true;
                    i += 2;
                } else if (value.startsWith("<!--", i)) {
                    inComment = true;
                    i += 4;
                } else if (value.startsWith("--", i) || value.charAt(i) == '#') {
                    break;
                } else {
                    out[written++] = value.charAt(i++);
                }
            } else {
                int closer = value.startsWith("*/", i) ? 2 : value.startsWith("-->", i) ? 3 : 0;
                if (closer == 0) {
                    i++;
                    continue;
                }
                inComment = false;
                i += closer;
                if (i < length) {
                    out[written++] = value.charAt(i);
                }
                i++;
            }
        }
        if (inComment) {
            out[written++] = ' ';
        }
        return ByteStrings.unchangedOr(value, out, written);
    }
}
