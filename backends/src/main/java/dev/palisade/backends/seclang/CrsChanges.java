package dev.palisade.backends.seclang;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.TargetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the policy changed in the Core Rule Set, as the configuration directives that make the
 * same changes after the CRS {@code Include} lines: {@code SecRuleRemoveById} for rules the IR no
 * longer has, {@code SecRuleUpdateTargetById} for rules whose targets grew ({@code exclude rule
 * 942100 for ARGS:password}) or had one replaced.
 *
 * <p>The IR holds the result of the policy's exclusions and SecLang, not the directives; the
 * changes are found by loading the CRS as it is installed and comparing rule by rule (by id).
 * Other changes ({@code SecRuleUpdateActionById}) have no directive here: an error.
 */
final class CrsChanges {
    private CrsChanges() {}

    /** The directives, one a line; the CRS rules of {@code policy} compared with {@code options}' files. */
    static List<String> directives(IrWaf policy, CrsRuleSet.Options options, CrsLayout layout, Diagnostics diagnostics) {
        Diagnostics loading = new Diagnostics();
        List<IrWafRule> installed = crsRules(CrsRuleSet.begin(options, loading).finish(), layout);
        Map<Long, IrWafRule> kept = new HashMap<>();
        for (IrWafRule rule : crsRules(policy, layout)) {
            kept.put(rule.id(), rule);
        }
        List<String> directives = new ArrayList<>();
        directives.addAll(removals(installed, kept));
        for (IrWafRule before : installed) {
            IrWafRule after = kept.get(before.id());
            if (after == null || IrWafDump.item(before).equals(IrWafDump.item(after))) {
                continue;
            }
            if (!IrWafDump.item(withTargets(before, after.targets())).equals(IrWafDump.item(after))) {
                diagnostics.error(DiagnosticCode.SECLANG_CRS_CHANGE, after.span(), "the policy changes more than the"
                        + " targets of Core Rule Set rule `" + after.id() + "`, which SecLang output cannot repeat",
                        "exclude the rule or some of its targets instead of changing its actions");
                continue;
            }
            targetUpdate(before, after).ifPresentOrElse(directives::add, () -> diagnostics.error(
                    DiagnosticCode.SECLANG_CRS_CHANGE, after.span(), "the targets of Core Rule Set rule `" + after.id()
                            + "` changed in a way one `SecRuleUpdateTargetById` cannot repeat",
                    "exclusions add `!TARGET` entries; write them with `exclude rule ... for TARGET`"));
        }
        return directives;
    }

    /** Ids the policy removed, as ranges that hold no rule it kept. */
    private static List<String> removals(List<IrWafRule> installed, Map<Long, IrWafRule> kept) {
        List<Long> ids = installed.stream().map(IrWafRule::id).filter(id -> id != 0).distinct().sorted().toList();
        List<String> directives = new ArrayList<>();
        int i = 0;
        while (i < ids.size()) {
            if (kept.containsKey(ids.get(i))) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < ids.size() && !kept.containsKey(ids.get(last + 1))) {
                last++;
            }
            directives.add("SecRuleRemoveById " + ids.get(i) + (last > i ? "-" + ids.get(last) : ""));
            i = last + 1;
        }
        return directives;
    }

    /**
     * Appended targets ({@code SecRuleUpdateTargetById ID "ADDED"}), or one target replaced by a list
     * ({@code SecRuleUpdateTargetById ID "NEW" "OLD"}), the two forms ModSecurity has.
     */
    private static java.util.Optional<String> targetUpdate(IrWafRule before, IrWafRule after) {
        List<TargetSpec> old = before.targets();
        List<TargetSpec> now = after.targets();
        int prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        if (prefix == old.size() && now.size() > old.size()) {
            return java.util.Optional.of("SecRuleUpdateTargetById " + after.id() + " "
                    + SecLangQuoting.argument(RuleText.targets(now.subList(prefix, now.size()))));
        }
        int suffix = 0;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix
                && old.get(old.size() - 1 - suffix).equals(now.get(now.size() - 1 - suffix))) {
            suffix++;
        }
        if (old.size() - prefix - suffix == 1 && now.size() - prefix - suffix > 0) {
            List<TargetSpec> replacement = now.subList(prefix, now.size() - suffix);
            // The reader replaces the first target equal to OLD: it must be the one at `prefix`.
            if (old.indexOf(old.get(prefix)) == prefix) {
                return java.util.Optional.of("SecRuleUpdateTargetById " + after.id() + " "
                        + SecLangQuoting.argument(RuleText.targets(replacement)) + " "
                        + SecLangQuoting.argument(RuleText.targets(List.of(old.get(prefix)))));
            }
        }
        return java.util.Optional.empty();
    }

    /** The rule heads that came from the CRS files, in load order. */
    private static List<IrWafRule> crsRules(IrWaf waf, CrsLayout layout) {
        List<IrWafRule> rules = new ArrayList<>();
        for (IrWafItem item : waf.items()) {
            if (item instanceof IrWafRule rule && layout.indexOf(rule.span().file()) >= 0) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static IrWafRule withTargets(IrWafRule rule, List<TargetSpec> targets) {
        return new IrWafRule(rule.id(), rule.phase(), rule.span(), targets, rule.transformations(), rule.operator(),
                rule.message(), rule.logData(), rule.severity(), rule.tags(), rule.disruptive(), rule.status(),
                rule.log(), rule.capture(), rule.multiMatch(), rule.actions(), rule.skipAfter(), rule.skip(),
                rule.chained(), rule.dataDirectory());
    }
}
