package dev.palisade.engine.transform;

/** Small pieces every transformation needs: the byte classes of C's {@code <ctype.h>} and the unchanged-value rule. */
final class ByteStrings {

    private ByteStrings() {}

    /**
     * The result of a transformation that wrote {@code length} chars into {@code buffer}: the
     * original instance when the content is the same, so callers can tell "unchanged" by identity.
     */
    static String unchangedOr(String original, char[] buffer, int length) {
        if (length == original.length()) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = buffer[i] == original.charAt(i);
            }
            if (same) {
                return original;
            }
        }
        return new String(buffer, 0, length);
    }

    /** {@link #unchangedOr(String, char[], int)} for a result built in a {@link StringBuilder}. */
    static String unchangedOr(String original, StringBuilder result) {
        return original.contentEquals(result) ? original : result.toString();
    }

    /** C's {@code isspace} in the "C" locale, which ModSecurity uses: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** C's {@code isalnum} in the "C" locale: ASCII letters and digits only. */
    static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isOctalDigit(char c) {
        return c >= '0' && c <= '7';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether the {@code count} chars from {@code start} are all hex digits (the caller checked the length). */
    static boolean hexDigits(String value, int start, int count) {
        for (int i = start; i < start + count; i++) {
            if (!isHexDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The byte ModSecurity keeps for the four hex digits of a {@code %uHHHH} (or JavaScript
     * backslash-u) escape at {@code start}: the low byte, except that full-width ASCII U+FF01..U+FF5E, which
     * sits 0xFEE0 above ASCII, becomes its ASCII character (low byte 0x01..0x5E plus 0x20).
     */
    static char wideToByte(String value, int start) {
        char low = twoDigitsToByte(value.charAt(start + 2), value.charAt(start + 3));
        boolean fullWidthPage = (value.charAt(start) | 0x20) == 'f' && (value.charAt(start + 1) | 0x20) == 'f';
        return fullWidthPage && low > 0x00 && low < 0x5f ? (char) (low + 0x20) : low;
    }

    /** The value of a hex digit, 0–15; only meaningful when {@link #isHexDigit(char)}. */
    static int hexValue(char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /**
     * ModSecurity's {@code x2c}: two hex digits to a byte. It does not validate, and some
     * transformations (hexDecode) rely on that: the arithmetic on other bytes is reproduced,
     * modulo 256, so the result is deterministic and always a byte.
     */
    static char twoDigitsToByte(char high, char low) {
        int digit = high >= 'A' ? ((high & 0xdf) - 'A') + 10 : high - '0';
        digit = (digit * 16) & 0xff;
        digit += low >= 'A' ? ((low & 0xdf) - 'A') + 10 : low - '0';
        return (char) (digit & 0xff);
    }

    /** The char for a byte, for results built from {@code byte[]} (digests, decoded base64). */
    static String fromBytes(byte[] bytes, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (bytes[i] & 0xff);
        }
        return new String(chars);
    }

    /** The low byte of each char; callers only pass byte strings. */
    static byte[] toBytes(String value) {
        byte[] bytes = new byte[value.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) value.charAt(i);
        }
        return bytes;
    }
}
