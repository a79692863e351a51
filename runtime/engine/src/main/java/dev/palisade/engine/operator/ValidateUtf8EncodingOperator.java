package dev.palisade.engine.operator;

/**
 * {@code @validateUtf8Encoding}: matches when the value's bytes are not valid UTF-8 — a
 * truncated sequence, a byte that cannot start or continue one, an overlong form, a surrogate
 * (U+D800–U+DFFF) or a code point above U+10FFFF (ModSecurity v2 {@code detect_utf8_character}).
 *
 * <pre>SecRule ARGS "@validateUtf8Encoding" "id:920250,phase:2,deny"</pre>
 */
final class ValidateUtf8EncodingOperator implements Operator {

    @Override
    public String name() {
        return "validateUtf8Encoding";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        int k = 0;
        while (k < value.length()) {
            int length = sequenceLength(value, k);
            if (length <= 0) {
                return true;
            }
            k += length;
        }
        return false;
    }

    /** The length of the valid sequence at {@code at}, or 0 if it is invalid. */
    private static int sequenceLength(String value, int at) {
        int c = value.charAt(at);
        int length;
        int codePoint;
        int minimum;
        if (c < 0x80) {
            return 1;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
            minimum = 0x10000;
        } else {
            return 0;
        }
        if (at + length > value.length()) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int next = value.charAt(at + k);
            if ((next & 0xC0) != 0x80 || next > 0xFF) {
                return 0;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean valid = codePoint >= minimum && codePoint <= 0x10FFFF && (codePoint < 0xD800 || codePoint > 0xDFFF);
        return valid ? length : 0;
    }
}
