package dev.palisade.engine.transform;

/**
 * {@code t:lowercase}: ASCII letters {@code A–Z} to lower case.
 *
 * <pre>SecRule REQUEST_METHOD "@streq post" "id:1,phase:1,t:lowercase,pass"</pre>
 *
 * <p>ModSecurity v3 calls {@code std::tolower} in the "C" locale, so bytes 0x80–0xFF (Latin-1
 * letters such as {@code À}) stay as they are; Coraza does the same on bytes.
 */
final class LowercaseTransformation implements Transformation {

    @Override
    public String name() {
        return "lowercase";
    }

    @Override
    public boolean onlyFoldsAsciiCase() {
        return true;
    }

    @Override
    public String apply(String value) {
        int first = 0;
        while (first < value.length() && !isUpper(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            return value;
        }
        char[] chars = value.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (isUpper(chars[i])) {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
