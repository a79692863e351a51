package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrTier;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Palisade and Calico part: when every tier that applies to a workload passed, Palisade
 * denies, while Calico falls through to the endpoint's profile, which allows for Kubernetes pods.
 *
 * <p>So requests must never fall off the last tier for a workload a pass tier applies to. A
 * tier of our own, ordered after every tier of the bundle (and Calico's {@code default}), holds
 * one policy per ALP policy of a pass tier, selecting the same workloads, with a single
 * {@code Deny} rule. A workload no pass-tier policy selects is not selected here either, so
 * "no ALP policy applies: allow" is kept; one that is selected reaches this tier only after
 * every earlier tier passed, and is denied.
 */
final class EndOfTiers {
    /** Reserved: a bundle may not declare it. */
    static final String TIER = "palisade-end-of-tiers";

    private EndOfTiers() {}

    static List<ObjectNode> objects(IrBundle bundle, CalicoKinds kinds) {
        List<IrPolicy> passing = new ArrayList<>();
        double lastOrder = IrTier.DEFAULT_TIER_ORDER;
        for (IrTier tier : bundle.tiers()) {
            lastOrder = Math.max(lastOrder, tier.order());
            if (tier.defaultAction() == IrTier.DefaultAction.PASS) {
                bundle.policiesIn(tier).stream().filter(policy -> policy.alp().isPresent()).forEach(passing::add);
            }
        }
        if (passing.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> objects = new ArrayList<>();
        // Strictly after the last tier even where adding one is lost to rounding.
        objects.add(kinds.tier(TIER, Math.max(lastOrder + 1, Math.nextUp(lastOrder)), IrTier.DefaultAction.DENY));
        for (IrPolicy policy : passing) {
            objects.add(kinds.policy(policy.name(), TIER, Double.POSITIVE_INFINITY, policy.namespace(),
                    policy.selector().text(), List.of(CalicoPolicies.denyAll())));
        }
        return objects;
    }
}
