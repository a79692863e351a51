package dev.palisade.backends.seclang;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafRule;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ids for the rules Palisade makes without one (path-scoped exclusions, rules written without an
 * id): ModSecurity v3 refuses a rule without {@code id}. They count up from {@link #FIRST}, in rule
 * order, skipping ids the WAF already uses, so the same IR always gets the same ids.
 *
 * <p>From 9,900,000: clear of the Core Rule Set's 900,000-999,999 and of the small ids policies
 * give their own rules; still checked against every id the WAF uses rather than trusted.
 */
final class InternalRuleIds {
    static final long FIRST = 9_900_000;

    private final Map<IrWafRule, Long> assigned = new IdentityHashMap<>();

    InternalRuleIds(IrWaf waf) {
        Set<Long> used = new HashSet<>();
        for (IrWafItem item : waf.items()) {
            if (item instanceof IrWafRule rule) {
                used.add(rule.id());
            }
        }
        long next = FIRST;
        for (IrWafItem item : waf.items()) {
            if (item instanceof IrWafRule rule && rule.id() == 0) {
                while (used.contains(next)) {
                    next++;
                }
                assigned.put(rule, next);
                used.add(next);
            }
        }
    }

    /** The id the rule is written with. */
    long idOf(IrWafRule rule) {
        return rule.id() != 0 ? rule.id() : assigned.getOrDefault(rule, rule.id());
    }

    /** The same rule under another id (for comparing it with what its text reads back as). */
    static IrWafRule withId(IrWafRule rule, long id) {
        return new IrWafRule(id, rule.phase(), rule.span(), rule.targets(), rule.transformations(), rule.operator(),
                rule.message(), rule.logData(), rule.severity(), rule.tags(), rule.disruptive(), rule.status(),
                rule.log(), rule.capture(), rule.multiMatch(), rule.actions(), rule.skipAfter(), rule.skip(),
                rule.chained(), rule.dataDirectory());
    }

    /** The WAF as written: every id-less rule under the id it is written with. */
    IrWaf applied(IrWaf waf) {
        return new IrWaf(waf.mode(), waf.limits(), waf.responseBodyAccess(),
                waf.items().stream().map(item -> item instanceof IrWafRule rule ? (IrWafItem) withId(rule, idOf(rule))
                        : item).toList());
    }
}
