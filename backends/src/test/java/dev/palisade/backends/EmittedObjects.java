package dev.palisade.backends;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks any object a build emits against the API that will receive it: Calico and Tigera kinds
 * against their CRDs (schema and CEL rules, {@code calico.CalicoSchemas}), Kubernetes' own kinds
 * against its API types ({@code k8s.KubernetesModelCheck}). For tests outside this package (the
 * {@code tests} module reads this through the backends' test jar).
 */
public final class EmittedObjects {
    private EmittedObjects() {}

    /** What the API server would refuse, one line each; empty when the object is valid. */
    public static List<String> problems(JsonNode object) {
        String group = object.path("apiVersion").asText();
        if (group.contains("projectcalico.org") || group.startsWith("operator.tigera.io")) {
            return dev.palisade.backends.calico.CalicoAccess.problems(object);
        }
        return dev.palisade.backends.k8s.KubernetesAccess.problems(object);
    }
}
