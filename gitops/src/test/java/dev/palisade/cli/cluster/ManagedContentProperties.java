package dev.palisade.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The comparison apply and status rest on, over random objects: what the API server and other
 * tools add is never drift, and any change to what Palisade emits is, reported in its field.
 */
class ManagedContentProperties {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Property
    void additionsByTheServerOrOtherToolsAreInSync(@ForAll("objects") ObjectNode emitted, @ForAll("seeds") long seed) {
        ObjectNode desired = ManagedContent.prepare(emitted);
        ObjectNode live = desired.deepCopy();
        addEverywhere(live, new java.util.Random(seed));
        live.withObjectProperty("metadata").put("resourceVersion", "7").put("uid", "u-1");
        live.withObjectProperty("metadata").withObjectProperty("labels").put("team", "payments");
        live.withObjectProperty("status").put("ready", true);

        assertEquals(List.of(), ManagedContent.differences(desired, live));
    }

    @Property
    void anEditedValueIsReportedInItsField(@ForAll("objects") ObjectNode emitted, @ForAll("seeds") long seed) {
        ObjectNode desired = ManagedContent.prepare(emitted);
        ObjectNode live = desired.deepCopy();
        List<String> leaves = new ArrayList<>();
        collectOwnedLeaves(live, "", leaves);
        String pointer = leaves.get((int) Math.floorMod(seed, (long) leaves.size()));
        JsonNode parent = live.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), JSON.textNode("edited by hand"));
        } else {
            ((ObjectNode) parent).put(last.replace("~1", "/").replace("~0", "~"), "edited by hand");
        }

        assertEquals(List.of(fieldOf(pointer)), ManagedContent.differences(desired, live));
    }

    @Property
    void aKeyPalisadeStopsEmittingIsReportedThroughTheDigest(@ForAll("objects") ObjectNode emitted) {
        ObjectNode applied = ManagedContent.prepare(emitted);
        ObjectNode spec = (ObjectNode) emitted.get("spec");
        ObjectNode smaller = emitted.deepCopy();
        ((ObjectNode) smaller.get("spec")).remove(spec.fieldNames().next());

        List<String> differences = ManagedContent.differences(ManagedContent.prepare(smaller), applied);

        assertTrue(differences.contains("spec"), differences::toString);
        // And the update that follows leaves the cluster without the key: in sync again.
        ObjectNode updated = ManagedContent.merge(ManagedContent.prepare(smaller), applied);
        assertEquals(List.of(), ManagedContent.differences(ManagedContent.prepare(smaller), updated));
        assertEquals(smaller.get("spec"), updated.get("spec"));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** A Kubernetes-shaped object: a label or two, a non-empty {@code spec}, sometimes {@code data}. */
    @Provide
    Arbitrary<ObjectNode> objects() {
        Arbitrary<Map<String, JsonNode>> spec = Arbitraries.maps(keys(), values()).ofMinSize(1).ofMaxSize(4);
        Arbitrary<Map<String, String>> labels = Arbitraries.maps(keys(), keys()).ofMaxSize(2);
        Arbitrary<Map<String, String>> data = Arbitraries.maps(keys(), Arbitraries.strings().ofMaxLength(8)).ofMaxSize(3);
        return Combinators.combine(spec, labels, data, Arbitraries.of(true, false)).as((specFields, labelMap, dataMap, hasData) -> {
            ObjectNode object = JSON.objectNode().put("apiVersion", "example.org/v1").put("kind", "Example");
            ObjectNode metadata = object.putObject("metadata").put("name", "example").put("namespace", "default");
            ObjectNode labelNode = metadata.putObject("labels");
            labelMap.forEach(labelNode::put);
            specFields.forEach(object.putObject("spec")::set);
            if (hasData) {
                ObjectNode dataNode = object.putObject("data");
                dataMap.forEach(dataNode::put);
            }
            return object;
        });
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
    }

    private static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(5).map(JSON::textNode),
                Arbitraries.integers().between(-3, 1000).map(JSON::numberNode),
                Arbitraries.of(true, false).map(JSON::booleanNode));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(items -> {
                    ArrayNode array = JSON.arrayNode();
                    items.forEach(array::add);
                    return (JsonNode) array;
                }),
                Arbitraries.maps(keys(), inner).ofMaxSize(3).map(fields -> {
                    ObjectNode object = JSON.objectNode();
                    fields.forEach(object::set);
                    return (JsonNode) object;
                })), 0, 3);
    }

    /** What a server does: a defaulted key in every object below the top level. */
    private static void addEverywhere(JsonNode node, java.util.Random random) {
        if (node.isObject()) {
            List<JsonNode> children = new ArrayList<>();
            node.elements().forEachRemaining(children::add);
            children.forEach(child -> addEverywhere(child, random));
            if (random.nextBoolean()) {
                ((ObjectNode) node).put("zzDefaulted" + random.nextInt(100), random.nextInt());
            }
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> addEverywhere(child, random));
        }
    }

    /** JSON pointers to every scalar Palisade owns (labels, spec, data), not the digests. */
    private static void collectOwnedLeaves(JsonNode node, String pointer, List<String> leaves) {
        if (pointer.equals("/apiVersion") || pointer.equals("/kind") || pointer.startsWith("/metadata/name")
                || pointer.startsWith("/metadata/namespace") || pointer.startsWith("/metadata/annotations")) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> collectOwnedLeaves(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectOwnedLeaves(node.get(i), pointer + "/" + i, leaves);
            }
        } else if (!node.isTextual() || !node.asText().equals("edited by hand")) {
            leaves.add(pointer);
        }
    }

    private static String fieldOf(String pointer) {
        return pointer.startsWith("/metadata/labels/") ? "metadata.labels" : pointer.split("/")[1];
    }
}
