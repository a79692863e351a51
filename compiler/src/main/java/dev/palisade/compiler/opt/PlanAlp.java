package dev.palisade.compiler.opt;

import dev.palisade.compiler.interp.Decisions;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.PathRuleIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** IR → {@link AlpPlan}: method classes and path indexes per policy. */
public final class PlanAlp {
    private PlanAlp() {}

    public static AlpPlan plan(IrBundle bundle) {
        List<AlpPlan.PolicyPlan> policies = new ArrayList<>();
        List<PathRuleIndex> indexes = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (IrPolicy policy : bundle.policies()) {
            if (policy.alp().isEmpty()) {
                continue;
            }
            List<IrRule> rules = policy.alp().get().rules();
            int offset = decisions.size();
            rules.forEach(rule -> decisions.add(Decisions.rule(policy, rule)));
            SortedSet<String> named = new TreeSet<>();
            rules.forEach(rule -> rule.methods().ifPresent(named::addAll));
            List<String> methods = List.copyOf(named);
            int firstIndex = indexes.size();
            for (String method : methods) {
                indexes.add(index(rules, method));
            }
            indexes.add(index(rules, null));
            List<AlpPlan.SourceRule> sourceRules = new ArrayList<>();
            for (IrRule rule : rules) {
                if (rule.hasSourceCondition()) {
                    sourceRules.add(new AlpPlan.SourceRule(rule, indexes.size()));
                    indexes.add(new PathRuleIndex(List.of(entry(rule))));
                }
            }
            policies.add(new AlpPlan.PolicyPlan(policy, offset, methods, firstIndex, sourceRules));
        }
        int tierDefaultOffset = decisions.size();
        for (IrTier tier : bundle.tiers()) {
            decisions.add(Decisions.tierDefault(tier));
        }
        int endOfTiers = decisions.size();
        decisions.add(Decisions.endOfTiers());
        return new AlpPlan(bundle, policies, indexes, decisions, tierDefaultOffset, endOfTiers);
    }

    /** The index of the rules without source conditions that match {@code method} (null: any other method). */
    private static PathRuleIndex index(List<IrRule> rules, String method) {
        List<PathRuleIndex.Entry> entries = new ArrayList<>();
        for (IrRule rule : rules) {
            boolean methodMatches = rule.methods().isEmpty() || method != null && rule.methods().get().contains(method);
            if (methodMatches && !rule.hasSourceCondition()) {
                entries.add(entry(rule));
            }
        }
        return new PathRuleIndex(entries);
    }

    private static PathRuleIndex.Entry entry(IrRule rule) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (IrPath path : rule.paths()) {
            (path.kind() == IrPath.Kind.EXACT ? exact : prefixes).add(path.normalized());
        }
        return new PathRuleIndex.Entry(rule.index(), rule.action() == IrRule.Action.DENY, exact, prefixes);
    }
}
