package dev.palisade.cli.ftw;

import java.nio.charset.StandardCharsets;

/**
 * Python ftw's treatment of {@code raw_request}:
 * {@code raw.encode('utf-8').decode('unicode_escape')}, then UTF-8 again when sent. Escapes written
 * as text ({@code \r\n}, {@code \x00}) become those characters, and any non-ASCII character is
 * encoded twice (its UTF-8 bytes read as Latin-1, then encoded as UTF-8): byte for byte what the
 * reference sent.
 */
final class PythonText {
    private PythonText() {}

    static byte[] unicodeEscapeThenUtf8(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            char c = (char) (bytes[i] & 0xff);
            if (c != '\\' || i + 1 >= bytes.length) {
                out.append(c);
                i++;
                continue;
            }
            char next = (char) (bytes[i + 1] & 0xff);
            i += 2;
            switch (next) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(next);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(bytes, i, 2, out);
                case 'u' -> i = hex(bytes, i, 4, out);
                case 'U' -> i = hex(bytes, i, 8, out);
                default -> {
                    if (next >= '0' && next <= '7') {
                        int value = next - '0';
                        int digits = 1;
                        while (digits < 3 && i < bytes.length && bytes[i] >= '0' && bytes[i] <= '7') {
                            value = value * 8 + (bytes[i++] - '0');
                            digits++;
                        }
                        out.append((char) value);
                    } else {
                        out.append('\\').append(next);
                    }
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Python raises on a short escape; the runner would have failed, so keep the text instead. */
    private static int hex(byte[] bytes, int from, int digits, StringBuilder out) {
        if (from + digits > bytes.length) {
            out.append('\\').append((char) bytes[from - 1]);
            return from;
        }
        String text = new String(bytes, from, digits, StandardCharsets.ISO_8859_1);
        try {
            out.appendCodePoint(Integer.parseInt(text, 16));
            return from + digits;
        } catch (IllegalArgumentException notHex) {
            out.append('\\').append((char) bytes[from - 1]);
            return from;
        }
    }
}
