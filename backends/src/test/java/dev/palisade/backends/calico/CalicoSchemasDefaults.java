package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An object with its CRD schema's {@code default}s filled in, as the API server stores it before
 * it runs the CEL rules: a rule such as {@code ref.group == 'gateway.networking.k8s.io'} sees the
 * defaulted {@code group} even when the emitter left it out.
 */
final class CalicoSchemasDefaults {
    private CalicoSchemasDefaults() {}

    /** A defaulted copy; {@code object} is not changed. */
    static JsonNode applied(JsonNode schema, JsonNode object) {
        JsonNode copy = object.deepCopy();
        fill(schema, copy);
        return copy;
    }

    private static void fill(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            properties.fields().forEachRemaining(property -> {
                if (!object.has(property.getKey()) && property.getValue().has("default")) {
                    object.set(property.getKey(), property.getValue().get("default").deepCopy());
                }
            });
            object.fields().forEachRemaining(field -> {
                JsonNode child = properties.has(field.getKey()) ? properties.get(field.getKey())
                        : schema.path("additionalProperties");
                fill(child, field.getValue());
            });
        } else if (value instanceof ArrayNode array) {
            array.forEach(item -> fill(schema.path("items"), item));
        }
    }
}
