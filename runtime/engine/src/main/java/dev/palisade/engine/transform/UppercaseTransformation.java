package dev.palisade.engine.transform;

/**
 * {@code t:uppercase}: ASCII letters {@code a–z} to upper case.
 *
 * <pre>SecRule ARGS:mode "@streq DEBUG" "id:1,phase:2,t:uppercase,deny"</pre>
 *
 * <p>ModSecurity v3 {@code upper_case.cc} uses {@code std::toupper} in the "C" locale, so bytes
 * 0x80–0xFF are left alone (notably {@code ÿ} 0xFF, whose Unicode upper case is not a byte).
 */
final class UppercaseTransformation implements Transformation {

    @Override
    public String name() {
        return "uppercase";
    }

    @Override
    public String apply(String value) {
        int first = 0;
        while (first < value.length() && !isLower(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            return value;
        }
        char[] chars = value.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (isLower(chars[i])) {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
