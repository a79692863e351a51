package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@link KubernetesModelCheck} for tests in other packages: fields the Kubernetes API types do not know. */
public final class KubernetesAccess {
    private KubernetesAccess() {}

    public static List<String> problems(JsonNode object) {
        try {
            return KubernetesModelCheck.unknownFields(KubernetesModelCheck.read(object)).stream()
                    .map(field -> field + ": not a field of " + object.path("kind").asText()).toList();
        } catch (AssertionError unreadable) {
            return List.of(unreadable.getMessage());
        }
    }
}
