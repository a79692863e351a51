package dev.palisade.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which object: kind, namespace (empty for cluster-scoped kinds) and name. Printed as
 * {@code Deployment shop/palisade-api} or {@code GlobalNetworkPolicy.projectcalico.org allow-api}.
 */
public record ObjectKey(ClusterKind kind, String namespace, String name) {
    static ObjectKey of(ClusterKind kind, JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return new ObjectKey(kind, kind.namespaced() ? metadata.path("namespace").asText("") : "",
                metadata.path("name").asText());
    }

    @Override
    public String toString() {
        return kind.displayName() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
