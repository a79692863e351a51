package dev.palisade.engine.operator;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An {@link OperatorContext} for tests: macros from a map, captures and limit events recorded. */
final class RecordingContext implements OperatorContext {

    private static final Pattern MACRO = Pattern.compile("%\\{([^}]*)\\}");

    private final Map<String, String> macros;
    private final boolean capturing;
    final Map<Integer, String> captures = new TreeMap<>();
    int limitExceeded;

    RecordingContext(Map<String, String> macros, boolean capturing) {
        this.macros = macros;
        this.capturing = capturing;
    }

    static RecordingContext plain() {
        return new RecordingContext(Map.of(), false);
    }

    static RecordingContext withCapture() {
        return new RecordingContext(Map.of(), true);
    }

    @Override
    public String expand(String macroText) {
        Matcher m = MACRO.matcher(macroText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(macros.getOrDefault(m.group(1).toLowerCase(), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public boolean capturing() {
        return capturing;
    }

    @Override
    public void capture(int index, String value) {
        captures.put(index, value);
    }

    @Override
    public void matchLimitExceeded(String operatorName) {
        limitExceeded++;
    }
}
