package dev.palisade.engine.transform;

/** The base64 alphabets of RFC 4648: standard (§4) and, for base64DecodeExt, URL-safe (§5) too. */
final class Base64Alphabet {

    static final char[] STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private Base64Alphabet() {}

    /** 0–63 for a byte of the standard alphabet, else -1. */
    static int standardValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '+') {
            return 62;
        } else if (c == '/') {
            return 63;
        }
        return -1;
    }

    /** Like {@link #standardValue(char)}, also accepting {@code -} and {@code _} for 62 and 63. */
    static int anyValue(char c) {
        if (c == '-') {
            return 62;
        } else if (c == '_') {
            return 63;
        }
        return standardValue(c);
    }
}
