package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @pm}: any of the space-separated phrases occurs in the value, ASCII case-insensitively
 * ({@link PhraseMatcher}). As in ModSecurity's {@code parse_pm_content}, an argument wrapped in
 * double quotes loses them, and {@code |hex|} spells bytes ({@code |0d 0a|}). With the
 * {@code capture} action the phrase found goes to TX:0 (ModSecurity v2).
 *
 * <pre>SecRule REQUEST_FILENAME "@pm .bak .old .swp" "id:1,phase:1,deny"</pre>
 */
final class PmOperator implements Operator {

    private final PhraseMatcher phrases;
    private final String name;

    PmOperator(String argument) throws OperatorArgumentException {
        this("pm", PhraseMatcher.of(split(decode(argument))));
    }

    PmOperator(String name, PhraseMatcher phrases) {
        this.name = name;
        this.phrases = phrases;
    }

    @Override
    public String name() {
        return name;
    }

    /** A value matches exactly when it holds one of the phrases. */
    @Override
    public List<String> requiredLiterals() {
        return phrases.phrases();
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        String found = phrases.find(value);
        if (found != null && context.capturing()) {
            context.capture(0, found);
        }
        return found != null;
    }

    /** Strips enclosing quotes and decodes {@code |hex|} segments. */
    static String decode(String argument) throws OperatorArgumentException {
        int start = 0;
        int end = argument.length();
        if (end - start >= 2 && argument.charAt(0) == '"' && argument.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = argument.charAt(k);
            if (c != '|') {
                out.append(c);
                continue;
            }
            int close = argument.indexOf('|', k + 1);
            if (close < 0 || close >= end) {
                throw new OperatorArgumentException("unterminated `|` in phrase list", k);
            }
            int high = -1;
            for (int h = k + 1; h < close; h++) {
                char d = argument.charAt(h);
                if (d == ' ') {
                    continue;
                }
                int digit = Character.digit(d, 16);
                if (digit < 0 || d > 0x7F) {
                    throw new OperatorArgumentException("`" + d + "` is not a hex digit in `|…|`", h);
                }
                if (high < 0) {
                    high = digit;
                } else {
                    out.append((char) (high * 16 + digit));
                    high = -1;
                }
            }
            if (high >= 0) {
                throw new OperatorArgumentException("odd number of hex digits in `|…|`", k);
            }
            k = close;
        }
        return out.toString();
    }

    static List<String> split(String phrases) {
        List<String> out = new ArrayList<>();
        for (String phrase : phrases.split("[ \\t\\n\\x0B\\f\\r]+")) {
            if (!phrase.isEmpty()) {
                out.add(phrase);
            }
        }
        return out;
    }
}
