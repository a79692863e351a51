package dev.palisade.engine.operator;

import java.util.List;

/**
 * A SecLang operator ({@code @rx}, {@code @pm}, …): one instance per rule, built at load time by
 * {@link Operators#create}, so arguments are checked and patterns compiled before the first
 * request. Instances are immutable apart from caches and may be shared between threads.
 *
 * <pre>SecRule ARGS "@rx ^[0-9]+$" "id:1,phase:2,pass"</pre>
 */
public interface Operator {

    /** ModSecurity's name, e.g. {@code rx}; aliases report their canonical name. */
    String name();

    /**
     * Whether the value matches. Never throws: a value the operator cannot judge is no match.
     *
     * @param value a byte string (one char per byte, ISO-8859-1), after transformations
     */
    boolean evaluate(String value, OperatorContext context);

    /**
     * Literals one of which is in every value this operator matches, ASCII case-insensitively
     * (a value without any of them is no match, and its evaluation has no effect), or {@code null}
     * when the operator names none. A rule set searches all its operators' literals in one pass
     * per value ({@link LiteralSetMatcher}) and skips the evaluations that cannot match.
     */
    default List<String> requiredLiterals() {
        return null;
    }
}
