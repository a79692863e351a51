package dev.palisade.backends.envoy;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.engine.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One workload's ALP decision, flattened: the workload is known at build time, so which policies
 * apply is too, and the tiered decision of {@code ReferenceInterpreter} becomes one ordered list
 * of rules where the first matching rule decides and nothing matching means deny.
 *
 * <p>Why the flattening keeps the meaning: tiers in order, in a tier its applicable policies in
 * order, in a policy its deny rules (source order) before its allow rules (source order). A tier
 * whose default is deny ends the list (nothing after it can be reached); a tier that passes adds
 * nothing; the end of all tiers is deny. So "the first rule of this list that matches" is the rule
 * the interpreter picks, and "none matches" is a tier default deny or the end of the tiers.
 *
 * @param rules the rules in first-match order; {@link #NO_POLICY} when no ALP policy applies
 */
record FirstMatchList(Optional<List<Entry>> rules) {

    /** No ALP policy selects the workload: every request is allowed. */
    static final FirstMatchList NO_POLICY = new FirstMatchList(Optional.empty());

    /** One rule with the policy it belongs to (for names and messages). */
    record Entry(IrPolicy policy, IrRule rule) {
        boolean allows() {
            return rule.action() == IrRule.Action.ALLOW;
        }
    }

    static FirstMatchList of(IrBundle bundle, Selection selection) {
        List<Entry> entries = new ArrayList<>();
        boolean anyTierApplied = false;
        for (IrTier tier : bundle.tiers()) {
            List<IrPolicy> applicable = bundle.alpPoliciesIn(tier, selection);
            if (applicable.isEmpty()) {
                continue;
            }
            anyTierApplied = true;
            for (IrPolicy policy : applicable) {
                addInDecisionOrder(policy, entries);
            }
            if (tier.defaultAction() == IrTier.DefaultAction.DENY) {
                break;
            }
        }
        return anyTierApplied ? new FirstMatchList(Optional.of(List.copyOf(entries))) : NO_POLICY;
    }

    private static void addInDecisionOrder(IrPolicy policy, List<Entry> entries) {
        List<IrRule> rules = policy.alp().orElseThrow().rules();
        for (IrRule rule : rules) {
            if (rule.action() == IrRule.Action.DENY) {
                entries.add(new Entry(policy, rule));
            }
        }
        for (IrRule rule : rules) {
            if (rule.action() == IrRule.Action.ALLOW) {
                entries.add(new Entry(policy, rule));
            }
        }
    }
}
