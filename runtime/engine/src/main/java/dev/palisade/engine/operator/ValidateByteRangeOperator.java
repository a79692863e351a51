package dev.palisade.engine.operator;

/**
 * {@code @validateByteRange}: matches when the value holds a byte outside the allowed set, a
 * comma-separated list of bytes and ranges in decimal ({@code 1-255}, {@code 9,10,13,32-126}).
 *
 * <pre>SecRule ARGS "@validateByteRange 1-255" "id:920270,phase:2,deny"</pre>
 */
final class ValidateByteRangeOperator implements Operator {

    private final boolean[] allowed = new boolean[256];

    ValidateByteRangeOperator(String argument) throws OperatorArgumentException {
        int at = 0;
        for (String part : argument.split(",", -1)) {
            String item = part.strip();
            int offset = at + part.indexOf(item.isEmpty() ? part : item);
            int dash = item.indexOf('-', 1);
            int from = parseByte(dash < 0 ? item : item.substring(0, dash).strip(), offset);
            int to = dash < 0 ? from : parseByte(item.substring(dash + 1).strip(), offset + dash + 1);
            if (from > to) {
                throw new OperatorArgumentException("byte range `" + item + "` runs backwards", offset);
            }
            for (int b = from; b <= to; b++) {
                allowed[b] = true;
            }
            at += part.length() + 1;
        }
    }

    private static int parseByte(String text, int offset) throws OperatorArgumentException {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new OperatorArgumentException("`" + text + "` is not a byte value (0-255)", offset);
        }
        int value = Integer.parseInt(text);
        if (value > 255) {
            throw new OperatorArgumentException("`" + text + "` is not a byte value (0-255)", offset);
        }
        return value;
    }

    @Override
    public String name() {
        return "validateByteRange";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c > 0xFF || !allowed[c]) {
                return true;
            }
        }
        return false;
    }
}
