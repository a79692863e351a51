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
 * 942100 for ARGS:password}) or had some replaced.
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
            List<String> updates = targetUpdates(before, after);
            if (updates.isEmpty()) {
                diagnostics.error(DiagnosticCode.SECLANG_CRS_CHANGE, after.span(), "the targets of Core Rule Set rule `"
                        + after.id() + "` changed in a way `SecRuleUpdateTargetById` cannot repeat",
                        "exclusions add `!TARGET` entries; write them with `exclude rule ... for TARGET`");
            }
            directives.addAll(updates);
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
     * The {@code SecRuleUpdateTargetById} lines that turn the installed targets into the policy's:
     * each installed target missing from its place was replaced ({@code ID "NEW" "OLD"}), and what
     * follows the last installed target was appended ({@code ID "ADDED"}), the two forms ModSecurity
     * has. The lines are replayed as the readers apply them; empty when they do not give the
     * policy's list (a target removed, say).
     */
    private static List<String> targetUpdates(IrWafRule before, IrWafRule after) {
        List<TargetSpec> old = before.targets();
        List<TargetSpec> now = after.targets();
        List<String> lines = new ArrayList<>();
        List<TargetSpec> replayed = new ArrayList<>(old);
        int at = 0;
        int i = 0;
        while (i < old.size()) {
            if (at < now.size() && now.get(at).equals(old.get(i))) {
                at++;
                i++;
                continue;
            }
            // old[i..next) were replaced by now[at..stop): up to the next installed target still there.
            int next = i + 1;
            int stop = now.size();
            for (; next < old.size(); next++) {
                int found = now.subList(at, now.size()).indexOf(old.get(next));
                if (found >= 0) {
                    stop = at + found;
                    break;
                }
            }
            int replaced = next - i;
            if (stop - at < replaced) {
                return List.of();
            }
            // Any split gives the same list: one new target each, the rest to the last.
            for (int k = 0; k < replaced; k++) {
                int from = at + k;
                List<TargetSpec> replacement = now.subList(from, k == replaced - 1 ? stop : from + 1);
                TargetSpec target = old.get(i + k);
                lines.add("SecRuleUpdateTargetById " + after.id() + " "
                        + SecLangQuoting.argument(RuleText.targets(replacement)) + " "
                        + SecLangQuoting.argument(RuleText.targets(List.of(target))));
                int first = replayed.indexOf(target);
                replayed.remove(first);
                replayed.addAll(first, replacement);
            }
            at = stop;
            i = next;
        }
        if (at < now.size()) {
            lines.add("SecRuleUpdateTargetById " + after.id() + " "
                    + SecLangQuoting.argument(RuleText.targets(now.subList(at, now.size()))));
            replayed.addAll(now.subList(at, now.size()));
        }
        return replayed.equals(now) ? lines : List.of();
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
