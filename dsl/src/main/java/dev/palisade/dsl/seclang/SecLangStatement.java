package dev.palisade.dsl.seclang;

import dev.palisade.dsl.diag.Span;
import java.util.List;
import java.util.Optional;

/** A SecLang directive understood: what the WAF's lowering reads. */
public sealed interface SecLangStatement {
    Span span();

    /** {@code ARGS:username}, {@code !REQUEST_COOKIES:/__utm/}, {@code &ARGS}. */
    record Variable(boolean excluded, boolean count, String collection, Optional<String> key, boolean keyIsRegex,
            Span span) {}

    /** {@code @rx pattern}, {@code !@pm a b c}; a bare pattern means {@code @rx}. */
    record Operator(boolean negated, String name, String argument, Span nameSpan, Span argumentSpan) {}

    /** {@code id:942100}, {@code t:urlDecodeUni}, {@code msg:'…'} (quotes removed), {@code block}. */
    record ActionItem(String name, Optional<String> value, Span span) {}

    record IdRange(long first, long last) {
        public boolean contains(long id) {
            return id >= first && id <= last;
        }
    }

    /** {@code SecRule VARIABLES OPERATOR [ACTIONS]}. */
    record Rule(List<Variable> variables, Operator operator, List<ActionItem> actions, Span span)
            implements SecLangStatement {}

    /** {@code SecAction ACTIONS}: a rule that always matches. */
    record UnconditionalRule(List<ActionItem> actions, Span span) implements SecLangStatement {}

    record Marker(String name, Span span) implements SecLangStatement {}

    record DefaultAction(List<ActionItem> actions, Span span) implements SecLangStatement {}

    record RemoveById(List<IdRange> ids, Span span) implements SecLangStatement {}

    /** {@code SecRuleRemoveByTag} and {@code SecRuleRemoveByMsg}: the pattern matches tags or messages. */
    record RemoveByMatch(boolean byTag, String pattern, Span span) implements SecLangStatement {}

    /** {@code SecRuleUpdateTargetById 942100 "!ARGS:password"} (or by tag). */
    record UpdateTarget(Optional<List<IdRange>> ids, Optional<String> tag, List<Variable> targets,
            Optional<List<Variable>> replacing, Span span) implements SecLangStatement {}

    record UpdateAction(List<IdRange> ids, List<ActionItem> actions, Span span) implements SecLangStatement {}

    /** Engine settings: {@code SecRuleEngine On}, {@code SecRequestBodyLimit 13107200}, … */
    record Setting(String name, List<String> values, Span span) implements SecLangStatement {}
}
