package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;

/** The parts every emitted Kubernetes object shares. */
final class Manifests {
    /** Marks what Palisade manages, so {@code palisade apply} can prune only its own objects. */
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PALISADE = "palisade";

    private Manifests() {}

    static ObjectNode object(String apiVersion, String kind, String name, String namespace) {
        ObjectNode object = Yaml.object().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.putObject("labels").put(MANAGED_BY, PALISADE);
        return object;
    }

    /** The labels that pick one workload's runtime pods. */
    static ObjectNode selectorLabels(String workload) {
        return Yaml.object().put("app.kubernetes.io/name", "palisade").put("app.kubernetes.io/instance", workload);
    }
}
