package dev.palisade.engine.transform;

/**
 * {@code t:urlEncode}: percent-encodes every byte but ASCII letters, digits and {@code *}; a
 * space becomes {@code +}.
 *
 * <pre>SecRule ARGS "@streq a+b%2fc" "id:1,phase:2,t:urlEncode,pass"</pre>
 *
 * <p>Follows ModSecurity v3 {@code url_encode.cc}: the kept set is exactly {@code [A-Za-z0-9*]}
 * (not RFC 3986's unreserved set: {@code - . _ ~} are encoded) and the hex digits are lower
 * case, e.g. {@code /} is {@code %2f}.
 */
final class UrlEncodeTransformation implements Transformation {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String name() {
        return "urlEncode";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && isKept(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            return value;
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(value, 0, first);
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (isKept(c)) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isKept(char c) {
        return c == '*' || ByteStrings.isAlphanumeric(c);
    }
}
