package dev.palisade.cli.tune;

/** Palisade string literals for suggested lines. */
final class Quoting {
    private Quoting() {}

    /**
     * {@code "…"} with {@code \} and {@code "} escaped, and control characters and anything past ASCII
     * as {@code \}{@code uXXXX}: a decoded path can hold a line break ({@code %0A}), which a string
     * literal cannot, and a suggested line stays ASCII whatever the terminal ({@code "/caf\u00e9"}).
     */
    static String string(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
