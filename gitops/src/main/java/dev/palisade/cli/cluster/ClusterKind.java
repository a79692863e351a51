package dev.palisade.cli.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * A kind of object as the API server serves it: the REST path needs the plural, and whether to
 * look inside namespaces.
 *
 * @param apiVersion {@code v1}, {@code apps/v1}, {@code projectcalico.org/v3}, ...
 * @param plural the resource name in URLs ({@code globalnetworkpolicies})
 * @param namespaced false for cluster-scoped kinds
 */
public record ClusterKind(String apiVersion, String kind, String plural, boolean namespaced) {
    /** The API group, empty for the core group ({@code v1}). */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /**
     * How a line names the kind: built-in groups have no dot and need no qualifier; others do,
     * since {@code NetworkPolicy} alone could be Kubernetes' or Calico's ({@code kubectl} does the same).
     */
    public String displayName() {
        return group().contains(".") ? kind + "." + group() : kind;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group()).withVersion(version()).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }
}
