package dev.palisade.engine.operator;

/**
 * An operator argument that may contain macros: text with {@code %{…}} is expanded through the
 * context on every evaluation (ModSecurity does the same), anything else is a constant.
 *
 * <pre>SecRule REQUEST_METHOD "!@within %{tx.allowed_methods}" "id:1,phase:1,deny"</pre>
 */
final class Argument {

    private final String text;
    private final boolean macro;

    Argument(String text) {
        this.text = text;
        this.macro = hasMacro(text);
    }

    static boolean hasMacro(String text) {
        return text.contains("%{");
    }

    /** The argument for this evaluation. */
    String value(OperatorContext context) {
        return macro ? context.expand(text) : text;
    }

    String text() {
        return text;
    }

    boolean isMacro() {
        return macro;
    }
}
