package dev.palisade.engine.operator;

import java.util.Arrays;

/**
 * The output side of {@link PcreTranslation} and its escapes ({@code \b}, {@code \s},
 * {@code \x…}, octal, {@code \Q…\E}): each PCRE token becomes a Java text and an RE2/J text,
 * and every char of the Java text remembers the source index it came from, for error positions.
 */
abstract class PcreEscapes {

    private static final String JAVA_WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";
    private static final String JAVA_NOT_WORD_BOUNDARY = "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))";
    private static final String SPACE = "\\t\\n\\x0B\\f\\r ";
    /** PCRE's {@code \\S} as ranges, so that it also works inside an RE2 class. */
    private static final String NOT_SPACE = "\\x00-\\x08\\x0E-\\x1F\\x21-\\x{10FFFF}";
    private static final String VERTICAL_SPACE = "\\n\\x0B\\f\\r\\x85";
    private static final String HORIZONTAL_SPACE = "\\t \\xA0";

    final String src;
    final StringBuilder java = new StringBuilder();
    final StringBuilder re2 = new StringBuilder();
    int[] javaToSource = new int[16];
    int i;
    int tokenStart;
    boolean caseless;
    boolean nonAscii;
    boolean re2Inexact;

    PcreEscapes(String src) {
        this.src = src;
    }

    void escape(boolean inClass) {
        if (i + 1 >= src.length()) {
            both("\\");
            i++;
            return;
        }
        char e = src.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'b' -> {
                if (inClass) {
                    both("\\x08");
                } else {
                    emit(JAVA_WORD_BOUNDARY, "\\b");
                }
            }
            case 'B' -> emit(JAVA_NOT_WORD_BOUNDARY, "\\B");
            case 's' -> emit("\\s", inClass ? SPACE : "[" + SPACE + "]");
            case 'S' -> emit("\\S", inClass ? NOT_SPACE : "[" + NOT_SPACE + "]");
            case 'v' -> emit("\\v", inClass ? VERTICAL_SPACE : "[" + VERTICAL_SPACE + "]");
            case 'h' -> emit("\\h", inClass ? HORIZONTAL_SPACE : "[" + HORIZONTAL_SPACE + "]");
            case 'H', 'V', 'R', 'X', 'C' -> {
                re2Inexact = true;
                both("\\" + e);
            }
            case 'e' -> both("\\x1B");
            case 'a' -> both("\\x07");
            case 'x' -> hexEscape();
            case '0' -> {
                int value = 0;
                for (int n = 0; n < 2 && i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '7'; n++, i++) {
                    value = value * 8 + (src.charAt(i) - '0');
                }
                byteEscape(value);
            }
            case 'Q' -> {
                int end = src.indexOf("\\E", i);
                String quoted = src.substring(i, end < 0 ? src.length() : end);
                for (int k = 0; k < quoted.length(); k++) {
                    char q = quoted.charAt(k);
                    nonAscii |= q >= 0x80;
                    both(Character.isLetterOrDigit(q) || q >= 0x80 ? String.valueOf(q) : "\\" + q);
                }
                i = end < 0 ? src.length() : end + 2;
            }
            case 'i', 'j', 'm', 'o', 'q', 'y', 'F', 'I', 'J', 'M', 'O', 'T', 'Y' -> both(String.valueOf(e)); // PCRE1: literal
            default -> {
                nonAscii |= e >= 0x80;
                both("\\" + e);
            }
        }
    }

    /** PCRE's {@code \xh}, {@code \xhh} or {@code \x{h…}}. */
    private void hexEscape() {
        if (i < src.length() && src.charAt(i) == '{') {
            int end = src.indexOf('}', i);
            if (end > i + 1 && src.substring(i + 1, end).chars().allMatch(PcreEscapes::isHex) && end - i <= 7) {
                int value = Integer.parseInt(src.substring(i + 1, end), 16);
                i = end + 1;
                byteEscape(value);
                return;
            }
            both("\\x");
            return;
        }
        int value = 0;
        for (int n = 0; n < 2 && i < src.length() && isHex(src.charAt(i)); n++, i++) {
            value = value * 16 + Character.digit(src.charAt(i), 16);
        }
        byteEscape(value);
    }

    private void byteEscape(int value) {
        nonAscii |= value >= 0x80;
        both(value <= 0xFF ? String.format("\\x%02X", value) : String.format("\\x{%X}", value));
    }

    void literal(char c) {
        nonAscii |= c >= 0x80;
        both(String.valueOf(c));
    }

    void both(String text) {
        emit(text, text);
    }

    void emit(String javaText, String re2Text) {
        int start = java.length();
        java.append(javaText);
        re2.append(re2Text);
        if (javaToSource.length < java.length()) {
            javaToSource = Arrays.copyOf(javaToSource, Math.max(java.length(), javaToSource.length * 2));
        }
        Arrays.fill(javaToSource, start, java.length(), tokenStart);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

