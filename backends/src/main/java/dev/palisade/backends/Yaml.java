package dev.palisade.backends;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one YAML style every backend writes: block style, two-space indent, quotes only where YAML
 * needs them (strings that would read as numbers, booleans or null stay quoted), no line
 * splitting. Key order is insertion order, so output is byte-identical for equal input.
 */
public final class Yaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private Yaml() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String write(JsonNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents separated by {@code ---}, as {@code kubectl apply -f} and Argo CD read them. */
    public static String stream(List<? extends JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode document : documents) {
            out.append("---\n").append(write(document));
        }
        return out.toString();
    }

    /** Every document of a YAML stream (empty documents skipped). */
    public static List<JsonNode> readStream(String text) {
        try {
            return MAPPER.readValues(MAPPER.createParser(text), JsonNode.class).readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
                    .map(JsonNode.class::cast).toList();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
