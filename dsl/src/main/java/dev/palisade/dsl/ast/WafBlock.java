package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.List;
import java.util.Optional;

/** {@code waf { ... }}: parsed and checked now; compiled by the WAF engine. */
public record WafBlock(List<Item> items, Span span) {

    public WafBlock {
        items = List.copyOf(items);
    }

    /** One line (or rule) of a WAF block. */
    public sealed interface Item permits Mode, Crs, Exclusion, CustomRule, SeclangInclude, SeclangInline {
        Span span();
    }

    /** {@code mode blocking} or {@code mode detection}. */
    public record Mode(Name mode, Span span) implements Item {}

    /**
     * {@code crs paranoia 2 inbound-threshold 5 outbound-threshold 4 rules "/usr/share/modsecurity-crs"}, or a
     * CRS v4 release: {@code crs version 4 dir "/opt/crs" blocking-paranoia 2 early-blocking}; the settings are
     * checked and lowered by the compiler ({@code CrsSettings}).
     */
    public record Crs(List<CrsSetting> settings, Span span) implements Item {
        public Crs {
            settings = List.copyOf(settings);
        }
    }

    public record CrsSetting(String key, Span keySpan, Optional<NumberLiteral> number, Optional<StringLiteral> text) {}

    /** {@code exclude rule 942100 for ARGS:password on path prefix "/login"}. */
    public record Exclusion(List<RuleIdRange> ids, Optional<Variable> target, List<PathMatch> paths, Span span)
            implements Item {
        public Exclusion {
            ids = List.copyOf(ids);
            paths = List.copyOf(paths);
        }
    }

    public record RuleIdRange(NumberLiteral first, Optional<NumberLiteral> last, Span span) {}

    /** {@code rule 1001 "SQL injection in login" { phase request-body  when ...  deny 403 }}. */
    public record CustomRule(NumberLiteral id, StringLiteral message, List<RuleItem> items, Span span)
            implements Item {
        public CustomRule {
            items = List.copyOf(items);
        }
    }

    /** What a custom rule says, line by line. */
    public sealed interface RuleItem permits Phase, When, Deny, RuleAction {
        Span span();
    }

    public record Phase(Name phase, Span span) implements RuleItem {}

    /** {@code when ARGS:username | urlDecodeUni lowercase @detectSQLi}; several {@code when}s chain. */
    public record When(List<Variable> variables, List<Name> transformations, boolean negated, Name operator,
            Optional<StringLiteral> argument, Span span) implements RuleItem {
        public When {
            variables = List.copyOf(variables);
            transformations = List.copyOf(transformations);
        }
    }

    public record Deny(Optional<NumberLiteral> status, Span span) implements RuleItem {}

    /** Any other action: {@code severity critical}, {@code tag "attack-sqli"}, {@code log}. */
    public record RuleAction(Name name, Optional<NumberLiteral> number, Optional<StringLiteral> text, Span span)
            implements RuleItem {}

    /** {@code ARGS}, {@code ARGS:username}, {@code !ARGS:password}, {@code &ARGS} (count). */
    public record Variable(boolean excluded, boolean count, Name collection, Optional<String> member, Span span) {}

    public record SeclangInclude(StringLiteral path, Span span) implements Item {}

    public record SeclangInline(StringLiteral text, Span span) implements Item {}
}
