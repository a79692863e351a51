package dev.palisade.engine.transform;

/**
 * A ModSecurity transformation ({@code t:NAME}). Values are byte strings: one char per byte
 * (ISO-8859-1), as the WAF sees request data.
 *
 * <p>Interpreter and generated code share these instances (STYLE.md §3), so an implementation is
 * stateless and thread-safe.
 */
public interface Transformation {

    /** ModSecurity's own name, e.g. {@code "urlDecodeUni"}. */
    String name();

    /**
     * The transformed value; the SAME instance when nothing changed (callers cache and
     * {@code multiMatch} on that).
     */
    String apply(String value);

    /**
     * True when the only change is ASCII case ({@code lowercase}): what ignores ASCII case, such
     * as the WAF's literal screens, need not apply it.
     */
    default boolean onlyFoldsAsciiCase() {
        return false;
    }
}
