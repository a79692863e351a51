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
    /** Kubernetes' limit on an object name (a DNS subdomain). */
    static final int MAX_NAME_LENGTH = 253;

    /** Calico's own tiers besides {@code default}, whose order and default action its CEL rules fix. */
    private static final List<String> CALICO_RESERVED_TIERS = List.of("kube-admin", "kube-baseline");

    private CalicoPolicies() {}

    /** Every ALP object of the bundle; errors (what Calico cannot express exactly) go to {@code diagnostics}. */
    public static List<ObjectNode> objects(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        IrBundle bundle = input.bundle();
        CalicoKinds kinds = CalicoKinds.of(options);
        List<ObjectNode> objects = new ArrayList<>();
        for (IrTier tier : bundle.tiers()) {
            checkTierName(tier, diagnostics);
            if (!tier.name().equals(IrTier.DEFAULT_TIER)) {
                objects.add(kinds.tier(tier.name(), tier.order(), tier.defaultAction()));
            }
        }
        OrderTies.check(bundle, diagnostics);
        Map<Integer, List<ObjectNode>> rules = PolicyRules.of(bundle, diagnostics);
        for (IrPolicy policy : bundle.policies()) {
            if (policy.alp().isPresent()) {
                CalicoLimits.checkSelector(policy, diagnostics);
                checkNameLength(policy, CalicoKinds.calicoName(policy.tier(), policy.name()), diagnostics);
                checkNameLength(policy, CalicoKinds.calicoName(EndOfTiers.TIER, policy.name()), diagnostics);
                objects.add(kinds.policy(policy.name(), policy.tier(), policy.order(), policy.namespace(),
                        policy.selector().text(), rules.get(policy.index())));
            }
        }
        objects.addAll(EndOfTiers.objects(bundle, kinds));
        return objects;
    }

    /** Checks the end-of-tiers name too, for every policy, so that a name's length does not depend on its tier's default. */
    private static void checkNameLength(IrPolicy policy, String calicoName, Diagnostics diagnostics) {
        if (calicoName.length() > MAX_NAME_LENGTH) {
            diagnostics.error(DiagnosticCode.CALICO_NAME_TOO_LONG, policy.span(),
                    "Calico would name a policy `" + calicoName + "`, " + calicoName.length()
                            + " characters long; Kubernetes allows at most " + MAX_NAME_LENGTH,
                    "policies of a tier are named `<tier>.<policy>` in Calico; shorten the tier or policy name");
        }
    }

    private static void checkTierName(IrTier tier, Diagnostics diagnostics) {
        if (tier.name().equals(EndOfTiers.TIER)) {
            diagnostics.error(DiagnosticCode.CALICO_RESERVED_NAME, tier.span(),
                    "tier name `" + EndOfTiers.TIER + "` is reserved by the Calico backend",
                    "it holds the policies that deny what every tier passed; choose another name");
        } else if (CALICO_RESERVED_TIERS.contains(tier.name())) {
            diagnostics.error(DiagnosticCode.CALICO_RESERVED_NAME, tier.span(),
                    "tier name `" + tier.name() + "` is reserved by Calico",
                    "Calico fixes its order and default action (admin network policies); choose another name");
        }
    }

    static ObjectNode denyAll() {
        ObjectNode rule = Yaml.object();
        rule.put("action", "Deny");
        return rule;
    }
}
