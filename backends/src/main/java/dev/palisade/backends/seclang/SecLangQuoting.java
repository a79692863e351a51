package dev.palisade.backends.seclang;

/**
 * How a value is written so that SecLang readers get it back unchanged: ModSecurity's (Apache's
 * {@code ap_getword_conf} rules) and Palisade's own reader, which follows them.
 *
 * <p>Inside a double-quoted argument only {@code \"} and {@code \\} are escapes; every other
 * backslash reaches the operator as written. So a backslash is doubled only where the reader would
 * otherwise take it as an escape (before {@code "}, before another backslash, or at the end), and
 * regular expressions like {@code \d+} stay as the CRS writes them.
 *
 * <p>Inside an action list, a value in single quotes may hold commas; a quote inside the value can
 * only be written as {@code \'}, which the readers keep as two characters. A value with a bare
 * {@code '} has no spelling: the renderer's re-read check reports it.
 */
final class SecLangQuoting {
    private SecLangQuoting() {}

    /** {@code text} as one double-quoted directive argument. */
    static String argument(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\' && (i + 1 == text.length() || text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '"')) {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A variable list: bare as the CRS writes it ({@code ARGS|!ARGS:q}), quoted when it holds a space or quote. */
    static String variables(String text) {
        boolean plain = !text.isEmpty() && text.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\'
                || c == '\'');
        return plain ? text : argument(text);
    }

    /** {@code name:value} in an action list; quoted when {@code always} (CRS style for text) or when needed. */
    static String action(String name, String value, boolean always) {
        return name + ":" + (always || needsQuotes(value) ? "'" + value + "'" : value);
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '\'' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /** A target key: bare, unless the variable-list reader would end or misread it there. */
    static String key(String key) {
        boolean awkward = key.indexOf('|') >= 0 || key.startsWith("'") || key.startsWith("/");
        return awkward ? "'" + key + "'" : key;
    }
}
