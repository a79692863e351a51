package dev.palisade.engine.operator;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code @rx}: a PCRE regular expression searched in the value, with ModSecurity's options
 * ({@code PCRE_DOTALL | PCRE_DOLLAR_ENDONLY}); see {@link PcreRegex} for the engines and the step
 * budget. With the {@code capture} action, groups 0–9 go to TX:0–9.
 *
 * <pre>SecRule REQUEST_HEADERS:Content-Type "@rx ^%{tx.allowed_request_content_type_charset}$" "id:1,phase:1,deny"</pre>
 *
 * <p>A pattern with {@code %{…}} is expanded per evaluation and compiled then (as in ModSecurity);
 * the last compilation is kept, since the expansion rarely changes between requests. An expansion
 * that does not compile is no match.
 *
 * <p>A pattern without macros gets a literal prefilter ({@link RxPrefilter}, see {@link PcreRegex}):
 * a value that contains none of the literals every match must contain is no match without running
 * the regex — the same answer the regex gives, except that such a value can no longer exhaust the
 * step budget (no {@link OperatorContext#matchLimitExceeded} for it). Macro expansions have no
 * prefilter: they are compiled per transaction.
 */
final class RxOperator implements Operator {

    /** The last expansion of a macro pattern and its compilation ({@code null} if invalid). */
    private record Expanded(String text, PcreRegex regex) {}

    private final String pattern;
    private final PcreRegex regex;
    private final AtomicReference<Expanded> lastExpanded = new AtomicReference<>(new Expanded(null, null));

    RxOperator(String pattern) throws OperatorArgumentException {
        this.pattern = pattern;
        this.regex = Argument.hasMacro(pattern) ? null : PcreRegex.compile(pattern);
    }

    @Override
    public String name() {
        return "rx";
    }

    /** The compiled pattern, or {@code null} for a macro pattern (compiled per expansion). */
    PcreRegex regex() {
        return regex;
    }

    /** The prefilter's literals: a macro pattern, or one without a useful prefilter, names none. */
    @Override
    public List<String> requiredLiterals() {
        return regex == null || regex.prefilter() == null ? null : regex.prefilter().literals();
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        PcreRegex current = regex != null ? regex : expanded(context.expand(pattern));
        if (current == null) {
            return false;
        }
        PcreRegex.Outcome outcome = current.find(value, context);
        if (outcome == PcreRegex.Outcome.LIMIT_EXCEEDED) {
            context.matchLimitExceeded(name());
        }
        return outcome == PcreRegex.Outcome.MATCH;
    }

    private PcreRegex expanded(String text) {
        Expanded last = lastExpanded.get();
        if (text.equals(last.text())) {
            return last.regex();
        }
        PcreRegex compiled;
        try {
            compiled = PcreRegex.compileUnfiltered(text);
        } catch (OperatorArgumentException e) {
            compiled = null;
        }
        lastExpanded.set(new Expanded(text, compiled));
        return compiled;
    }
}
