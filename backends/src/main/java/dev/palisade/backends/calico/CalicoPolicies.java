package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ALP part of the Calico backend: a pure function of the bundle's IR to Tier,
 * (Global)NetworkPolicy (or their Staged kinds) objects, in a stable order: tiers, policies in
 * evaluation order, then the end-of-tiers guard.
 *
 * <p>Semantics line up as follows. Calico's Dikastes walks tiers by order, the policies of a tier
 * that select the workload by order then name, their rules in order, and the first Allow or Deny
 * decides; a tier with a selecting policy and no matching rule takes its default action. Palisade
 * does the same with one policy's denies before its allows ({@link PolicyRules}). Policies
 * without an {@code alp} block take no part in Palisade's ALP decisions, so they are not emitted:
 * in Calico a selecting policy without rules would bring in its tier's default. The one place
 * the two differ is the end: see {@link EndOfTiers}.
 */
public final class CalicoPolicies {
    private CalicoPolicies() {}

    /** Every ALP object of the bundle; errors (what Calico cannot express exactly) go to {@code diagnostics}. */
    public static List<ObjectNode> objects(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        IrBundle bundle = input.bundle();
        CalicoKinds kinds = CalicoKinds.of(options);
        List<ObjectNode> objects = new ArrayList<>();
        for (IrTier tier : bundle.tiers()) {
            if (tier.name().equals(EndOfTiers.TIER)) {
                diagnostics.error(DiagnosticCode.CALICO_RESERVED_NAME, tier.span(),
                        "tier name `" + EndOfTiers.TIER + "` is reserved by the Calico backend",
                        "it holds the policies that deny what every tier passed; choose another name");
            }
            if (!tier.name().equals(IrTier.DEFAULT_TIER)) {
                objects.add(kinds.tier(tier.name(), tier.order(), tier.defaultAction()));
            }
        }
        Map<Integer, List<ObjectNode>> rules = PolicyRules.of(bundle, diagnostics);
        for (IrPolicy policy : bundle.policies()) {
            if (policy.alp().isPresent()) {
                objects.add(kinds.policy(policy.name(), policy.tier(), policy.order(), policy.namespace(),
                        policy.selector().text(), rules.get(policy.index())));
            }
        }
        objects.addAll(EndOfTiers.objects(bundle, kinds));
        return objects;
    }

    static ObjectNode denyAll() {
        ObjectNode rule = Yaml.object();
        rule.put("action", "Deny");
        return rule;
    }
}
