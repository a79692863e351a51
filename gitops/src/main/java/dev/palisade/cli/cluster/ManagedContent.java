package dev.palisade.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Palisade owns in an object, and whether the cluster's copy still has it.
 *
 * <p>Palisade owns the labels and annotations it sets and every top-level field it emits other
 * than {@code apiVersion}, {@code kind} and {@code metadata} ({@code spec}, {@code data}, ...).
 * A field is in sync when the live value <em>contains</em> the emitted one: the API server adds
 * defaults ({@code imagePullPolicy}, a Deployment's {@code strategy}) and other tools add labels,
 * and neither should make every apply an update. Containment cannot see a key Palisade stopped
 * emitting, so each apply also records a digest of every field it wrote in the annotation
 * {@value #APPLIED}; a recorded digest that differs from the new build's marks the field as
 * changed too (kubectl's last-applied-configuration does the same with a full copy, which would
 * double every policy ConfigMap).
 */
public final class ManagedContent {
    public static final String APPLIED = "palisade.dev/applied-digests";
    static final String LABELS = "metadata.labels";
    static final String ANNOTATIONS = "metadata.annotations";

    private ManagedContent() {}

    /** The object as Palisade applies it: the managed-by label set and the digests recorded. */
    public static ObjectNode prepare(ObjectNode emitted) {
        ObjectNode object = emitted.deepCopy();
        ObjectNode metadata = object.withObjectProperty("metadata");
        metadata.withObjectProperty("labels").put(ManagedKinds.MANAGED_BY, ManagedKinds.PALISADE);
        StringBuilder digests = new StringBuilder();
        owned(object).forEach((field, value) -> digests.append(digests.length() == 0 ? "" : ",")
                .append(field).append('=').append(digest(value)));
        metadata.withObjectProperty("annotations").put(APPLIED, digests.toString());
        return object;
    }

    /** The owned fields of a {@link #prepare prepared} object that {@code live} does not match, in emitted order. */
    public static List<String> differences(ObjectNode desired, JsonNode live) {
        Map<String, String> recorded = recordedDigests(live);
        List<String> differing = new ArrayList<>();
        owned(desired).forEach((field, value) -> {
            String digest = recorded.get(field);
            if (!contains(valueOf(live, field), value) || (digest != null && !digest.equals(digest(value)))) {
                differing.add(field);
            }
        });
        // The digests themselves are metadata Palisade sets: a hand edit there is drift too.
        String wanted = desired.path("metadata").path("annotations").path(APPLIED).asText();
        if (!wanted.equals(live.path("metadata").path("annotations").path(APPLIED).asText(wanted))
                && !differing.contains(ANNOTATIONS)) {
            differing.add(ANNOTATIONS);
        }
        return differing;
    }

    /**
     * The live object with the desired object's owned fields written over it: labels and
     * annotations merged (others' stay), other fields replaced whole (so removed keys go), the rest
     * ({@code resourceVersion}, {@code status}, ...) kept for the API server.
     */
    public static ObjectNode merge(ObjectNode desired, JsonNode live) {
        ObjectNode merged = live.deepCopy();
        ObjectNode metadata = merged.withObjectProperty("metadata");
        desired.path("metadata").path("labels").properties()
                .forEach(label -> metadata.withObjectProperty("labels").set(label.getKey(), label.getValue()));
        desired.path("metadata").path("annotations").properties()
                .forEach(annotation -> metadata.withObjectProperty("annotations").set(annotation.getKey(), annotation.getValue()));
        for (Map.Entry<String, JsonNode> field : desired.properties()) {
            if (!field.getKey().equals("metadata")) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    /** Owned field name to emitted value, in emitted order; labels first. */
    private static Map<String, JsonNode> owned(JsonNode object) {
        Map<String, JsonNode> owned = new LinkedHashMap<>();
        JsonNode metadata = object.path("metadata");
        if (metadata.path("labels").size() > 0) {
            owned.put(LABELS, metadata.path("labels"));
        }
        if (metadata.path("annotations").isObject()) {
            ObjectNode annotations = ((ObjectNode) metadata.path("annotations")).deepCopy();
            annotations.remove(APPLIED);
            if (annotations.size() > 0) {
                owned.put(ANNOTATIONS, annotations);
            }
        }
        object.properties().forEach(field -> {
            if (!List.of("apiVersion", "kind", "metadata").contains(field.getKey())) {
                owned.put(field.getKey(), field.getValue());
            }
        });
        return owned;
    }

    private static JsonNode valueOf(JsonNode live, String field) {
        return switch (field) {
            case LABELS -> live.path("metadata").path("labels");
            case ANNOTATIONS -> live.path("metadata").path("annotations");
            default -> live.path(field);
        };
    }

    /** Whether {@code live} has everything {@code wanted} has: extra object keys allowed, lists pairwise. */
    static boolean contains(JsonNode live, JsonNode wanted) {
        if (wanted.isObject()) {
            if (!live.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : wanted.properties()) {
                if (!contains(live.path(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isArray()) {
            if (!live.isArray() || live.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                if (!contains(live.get(i), wanted.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isNumber() && live.isNumber()) {
            // JSON has one number type: the server may give back 100 for an emitted 100.0 (a Calico order).
            return wanted.decimalValue().compareTo(live.decimalValue()) == 0;
        }
        return wanted.equals(live);
    }

    private static Map<String, String> recordedDigests(JsonNode live) {
        Map<String, String> recorded = new LinkedHashMap<>();
        String text = live.path("metadata").path("annotations").path(APPLIED).asText("");
        for (String entry : text.split(",")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                recorded.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return recorded;
    }

    /** 12 hex digits of SHA-256 over the value's JSON: enough to tell versions of one field apart. */
    static String digest(JsonNode value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
