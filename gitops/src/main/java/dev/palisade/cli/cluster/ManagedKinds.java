package dev.palisade.cli.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every kind a Palisade backend can emit, in one place: {@code palisade apply} prunes objects of
 * these kinds even when this build emits none of them (the last policy that needed a kind was
 * removed), which a list built from the emitted objects alone would miss.
 *
 * <p>Plurals and scopes come from the Calico and Tigera CRDs ({@code shared/schemas/calico}) and
 * the Kubernetes API; a kind a future backend emits that is missing here is still applied and
 * pruned, through the API server's discovery ({@link ClusterObjects#kindOf}).
 */
public final class ManagedKinds {
    /** The label every emitted object carries ({@code backends/k8s/Manifests}); pruning touches nothing else. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PALISADE = "palisade";

    private static final List<ClusterKind> ALL = list();

    private ManagedKinds() {}

    /** In apply order (a Tier before the policies in it); pruning goes backwards. */
    public static List<ClusterKind> all() {
        return ALL;
    }

    private static List<ClusterKind> list() {
        List<ClusterKind> kinds = new ArrayList<>();
        // The Palisade runtime (backend k8s), and ConfigMaps any backend may use for files.
        kinds.add(new ClusterKind("v1", "ConfigMap", "configmaps", true));
        kinds.add(new ClusterKind("v1", "Service", "services", true));
        kinds.add(new ClusterKind("apps/v1", "Deployment", "deployments", true));
        kinds.add(new ClusterKind("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true));
        // Calico policies in both API groups (--calico-crds), enforced and staged (--staged).
        for (String apiVersion : List.of("projectcalico.org/v3", "crd.projectcalico.org/v1")) {
            kinds.add(new ClusterKind(apiVersion, "Tier", "tiers", false));
            kinds.add(new ClusterKind(apiVersion, "GlobalNetworkPolicy", "globalnetworkpolicies", false));
            kinds.add(new ClusterKind(apiVersion, "NetworkPolicy", "networkpolicies", true));
            kinds.add(new ClusterKind(apiVersion, "StagedGlobalNetworkPolicy", "stagedglobalnetworkpolicies", false));
            kinds.add(new ClusterKind(apiVersion, "StagedNetworkPolicy", "stagednetworkpolicies", true));
            kinds.add(new ClusterKind(apiVersion, "StagedKubernetesNetworkPolicy", "stagedkubernetesnetworkpolicies", true));
        }
        // Calico Enterprise application layer and WAF.
        kinds.add(new ClusterKind("operator.tigera.io/v1", "ApplicationLayer", "applicationlayers", false));
        String waf = "applicationlayer.projectcalico.org/v3";
        kinds.add(new ClusterKind(waf, "WAFPolicy", "wafpolicies", true));
        kinds.add(new ClusterKind(waf, "GlobalWAFPolicy", "globalwafpolicies", false));
        kinds.add(new ClusterKind(waf, "WAFPlugin", "wafplugins", true));
        kinds.add(new ClusterKind(waf, "GlobalWAFPlugin", "globalwafplugins", false));
        return List.copyOf(kinds);
    }

    /** The listed kind with this apiVersion and kind, if Palisade knows it. */
    public static Optional<ClusterKind> find(String apiVersion, String kind) {
        return all().stream().filter(known -> known.apiVersion().equals(apiVersion) && known.kind().equals(kind)).findFirst();
    }
}
