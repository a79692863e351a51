package dev.palisade.compiler.ir;

import dev.palisade.engine.Selection;
import java.util.List;

/**
 * The IR of a policy bundle: every backend's input, fully resolved. Policies are in evaluation
 * order (tier order, tier name, policy order, policy name) and a policy's index in this list is
 * its index in a {@code Selection}.
 *
 * <p>Equality: IR records carry spans for messages, and Java record equality would compare them.
 * What the IR <em>means</em> is its span-free dump, {@link IrPrinter#print}; two bundles mean the
 * same when their dumps are equal, and {@link #hash()} is a hash of that dump.
 */
public record IrBundle(List<IrTier> tiers, List<IrPolicy> policies) {
    public IrBundle {
        tiers = List.copyOf(tiers);
        policies = List.copyOf(policies);
    }

    public String hash() {
        return IrPrinter.hash(this);
    }

    public boolean sameMeaning(IrBundle other) {
        return IrPrinter.print(this).equals(IrPrinter.print(other));
    }

    public List<IrPolicy> policiesIn(IrTier tier) {
        return policies.stream().filter(policy -> policy.tier().equals(tier.name())).toList();
    }

    /** Every ALP rule path (normalized), each once, in bundle order: where decisions change. */
    public List<String> rulePaths() {
        return policies.stream().flatMap(policy -> policy.alp().stream())
                .flatMap(alp -> alp.rules().stream()).flatMap(rule -> rule.paths().stream())
                .map(IrPath::normalized).distinct().toList();
    }

    /** The policies of {@code tier} that take part in a workload's ALP decision: selected, with an {@code alp} block. */
    public List<IrPolicy> alpPoliciesIn(IrTier tier, Selection selection) {
        return policiesIn(tier).stream()
                .filter(policy -> policy.alp().isPresent() && selection.applies(policy.index()))
                .toList();
    }
}
