package dev.palisade.engine.waf.body;

import java.nio.charset.StandardCharsets;

/** Conversions between bytes and byte strings (one char per byte, ISO-8859-1), as {@code WafRequest} keeps text. */
final class ByteString {

    private ByteString() {}

    static String of(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** The UTF-8 bytes of decoded text (a JSON string, an XML text node) as a byte string, as C code sees them. */
    static String ofUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return of(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return text;
    }

    /** C's {@code isspace} in the "C" locale: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
