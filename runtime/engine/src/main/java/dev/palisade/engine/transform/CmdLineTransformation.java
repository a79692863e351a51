package dev.palisade.engine.transform;

/**
 * {@code t:cmdLine}: normalises a shell or Windows command line, against evasions such as
 * {@code c^at /e"t"c/pas\swd}.
 *
 * <pre>SecRule ARGS "@rx \bcat /etc/passwd" "id:1,phase:2,t:cmdLine,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code cmd_line.cc} (Coraza {@code cmd_line.go}), in one pass:
 * deletes {@code \ " ' ^}; turns each run of space, {@code \t \r \n , ;} into one space;
 * deletes that space when the next kept byte is {@code /} or {@code (}; lowercases
 * {@code A–Z}. Only those whitespace bytes count: {@code \v} and {@code \f} are kept, as in
 * ModSecurity. A leading or trailing space survives.
 */
final class CmdLineTransformation implements Transformation {

    @Override
    public String name() {
        return "cmdLine";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        char[] out = new char[length];
        int written = 0;
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\'', '\\', '^' -> {
                    // deleted; a space before them stays pending
                }
                case ' ', ',', ';', '\t', '\r', '\n' -> {
                    if (!space) {
                        out[written++] = ' ';
                        space = true;
                    }
                }
                case '/', '(' -> {
                    if (space) {
                        written--;
                    }
                    space = false;
                    out[written++] = c;
                }
                default -> {
                    out[written++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                    space = false;
                }
            }
        }
        return ByteStrings.unchangedOr(value, out, written);
    }
}
