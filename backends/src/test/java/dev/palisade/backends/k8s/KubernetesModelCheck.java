package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an emitted object into the Kubernetes API's own Java types (fabric8's model, generated
 * from the API's OpenAPI spec) and lists every field the types do not know: fabric8 keeps those in
 * {@code additionalProperties} rather than failing, so a misspelt field would otherwise pass.
 */
final class KubernetesModelCheck {
    private KubernetesModelCheck() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);

    static HasMetadata read(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<? extends HasMetadata> typeClass = TYPES.get(type);
        if (typeClass == null) {
            throw new AssertionError("no Kubernetes API type known for " + type);
        }
        try {
            return MAPPER.treeToValue(object, typeClass);
        } catch (java.io.IOException e) {
            throw new AssertionError(type + " does not read as the API type: " + e.getMessage(), e);
        }
    }

    /** Paths of the fields the API types do not know, e.g. {@code spec.template.spec.containers[0].imagePull}. */
    static List<String> unknownFields(Object typed) {
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (name.equals("additionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path.isEmpty() ? key.toString() : path + "." + key));
                }
            } else {
                walk(field, path.isEmpty() ? name : path + "." + name, unknown, seen);
            }
        }
    }
}
