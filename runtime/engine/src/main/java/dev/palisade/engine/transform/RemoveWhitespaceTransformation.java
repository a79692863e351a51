package dev.palisade.engine.transform;

/**
 * {@code t:removeWhitespace}: deletes every whitespace byte.
 *
 * <pre>SecRule ARGS "@contains unionselect" "id:1,phase:2,t:lowercase,t:removeWhitespace,deny"</pre>
 *
 * <p>ModSecurity v3 {@code remove_whitespace.cc}: C's {@code isspace} (space,
 * {@code \t \n \v \f \r}) plus the non-breaking space 0xA0 (Coraza does the same).
 */
final class RemoveWhitespaceTransformation implements Transformation {

    private static final char NBSP = 0xa0;

    @Override
    public String name() {
        return "removeWhitespace";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && !isRemoved(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            return value;
        }
        char[] out = new char[length];
        value.getChars(0, first, out, 0);
        int written = first;
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (!isRemoved(c)) {
                out[written++] = c;
            }
        }
        return new String(out, 0, written);
    }

    private static boolean isRemoved(char c) {
        return ByteStrings.isSpace(c) || c == NBSP;
    }
}
