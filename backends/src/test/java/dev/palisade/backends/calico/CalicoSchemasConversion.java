package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A CRD's OpenAPI v3 schema as a JSON Schema (draft 2020-12) that rejects what the API server
 * would reject or silently prune. Kubernetes prunes fields a structural schema does not list; for
 * an emitter a pruned field is a typo that would vanish, so here it is an error: every object
 * schema that does not preserve unknown fields gets {@code additionalProperties: false}.
 *
 * <ul>
 *   <li>{@code x-kubernetes-int-or-string} becomes {@code anyOf: [integer, string]};
 *   <li>{@code nullable: true} adds {@code null} to the type;
 *   <li>{@code x-kubernetes-list-type: set} becomes {@code uniqueItems};
 *   <li>the root's {@code metadata} (the CRD says only {@code type: object}: the API server checks
 *       ObjectMeta itself) gets the ObjectMeta fields an emitter writes, so a misspelt
 *       {@code namespace} is caught too;
 *   <li>other {@code x-kubernetes-*} keys, descriptions and OpenAPI-only formats are dropped
 *       ({@code x-kubernetes-validations} are CEL, checked by {@link CelRules}).
 * </ul>
 */
final class CalicoSchemasConversion {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Formats JSON Schema knows; int32/int64 and the like are OpenAPI's and have no JSON meaning. */
    private static final Set<String> JSON_FORMATS = Set.of("date-time", "date", "time", "email", "uri", "uuid",
            "ipv4", "ipv6", "hostname");

    private CalicoSchemasConversion() {}

    static ObjectNode toJsonSchema(JsonNode openApi) {
        ObjectNode root = convert(openApi);
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        ObjectNode properties = (ObjectNode) root.get("properties");
        if (properties != null && properties.has("metadata")) {
            properties.set("metadata", objectMeta());
        }
        return root;
    }

    private static ObjectNode convert(JsonNode node) {
        ObjectNode out = NODES.objectNode();
        boolean intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), convert(p.getValue())));
                }
                case "items", "additionalProperties", "not" -> out.set(key, value.isObject() ? convert(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = out.putArray(key);
                    value.forEach(v -> list.add(convert(v)));
                }
                case "type" -> {
                    if (!intOrString) {
                        out.set(key, node.path("nullable").asBoolean(false)
                                ? NODES.arrayNode().add(value.asText()).add("null") : value);
                    }
                }
                case "format" -> {
                    if (JSON_FORMATS.contains(value.asText())) {
                        out.set(key, value);
                    }
                }
                case "x-kubernetes-list-type" -> {
                    if (value.asText().equals("set")) {
                        out.put("uniqueItems", true);
                    }
                }
                case "description", "nullable", "example" -> { }
                default -> {
                    if (!key.startsWith("x-")) {
                        out.set(key, value);
                    }
                }
            }
        }
        if (intOrString) {
            out.putArray("anyOf").add(NODES.objectNode().put("type", "integer"))
                    .add(NODES.objectNode().put("type", "string"));
        }
        // Kubernetes prunes what an object schema does not list, unless told to keep it.
        if (node.path("type").asText().equals("object") && !preserve && !node.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    /** The ObjectMeta fields an emitter may set on a new object. */
    private static ObjectNode objectMeta() {
        ObjectNode meta = NODES.objectNode().put("type", "object");
        ObjectNode properties = meta.putObject("properties");
        for (String name : new String[] {"name", "namespace", "generateName"}) {
            properties.putObject(name).put("type", "string").put("minLength", 1);
        }
        for (String name : new String[] {"labels", "annotations"}) {
            properties.putObject(name).put("type", "object").putObject("additionalProperties").put("type", "string");
        }
        meta.put("additionalProperties", false);
        return meta;
    }
}
