package dev.palisade.cli.ftw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A stage's {@code input} and {@code output} mappings, either dialect, into the model. */
final class StageReader {
    private StageReader() {}

    static FtwInput input(JsonNode input, FtwFormat format, String where) throws FtwFileException {
        List<FtwInput.Header> headers = new ArrayList<>();
        JsonNode headerNodes = input.path("headers");
        if (headerNodes.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = headerNodes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                headers.add(new FtwInput.Header(field.getKey(), text(field.getValue(), format).orElse("")));
            }
            if (format == FtwFormat.GO_FTW) {
                // go-ftw builds its header list from a map sorted by name (NewHeaderFromMap)
                headers.sort((left, right) -> left.name().compareTo(right.name()));
            }
        } else if (!headerNodes.isMissingNode() && !headerNodes.isNull()) {
            throw new FtwFileException(where + ": `headers` must be a mapping");
        }
        JsonNode ordered = input.path("ordered_headers");
        if (ordered.isArray()) {
            // go-ftw's list form keeps order and duplicates, and is what it sends when given
            headers.clear();
            for (JsonNode header : ordered) {
                headers.add(new FtwInput.Header(header.path("name").asText(), text(header.path("value"), format)
                        .orElse("")));
            }
        }
        Optional<String> data = data(input.path("data"), format);
        boolean stopMagic = input.path("stop_magic").asBoolean(false);
        // go-ftw: autocomplete_headers replaced stop_magic (its opposite); either may be given
        boolean autocomplete = input.hasNonNull("autocomplete_headers") ? input.get("autocomplete_headers").asBoolean()
                : !stopMagic;
        Optional<String> encoded = text(input.path("encoded_request"), format);
        if (encoded.isPresent()) {
            try {
                java.util.Base64.getMimeDecoder().decode(encoded.get());
            } catch (IllegalArgumentException e) {
                throw new FtwFileException(where + ": `encoded_request` is not base64: " + e.getMessage());
            }
        }
        int port;
        JsonNode portNode = input.path("port");
        if (portNode.isMissingNode() || portNode.isNull()) {
            port = 80;
        } else if (portNode.canConvertToInt() || portNode.asText().matches("\\d{1,5}")) {
            port = portNode.isNumber() ? portNode.asInt() : Integer.parseInt(portNode.asText());
        } else {
            throw new FtwFileException(where + ": `port` must be a number, found `" + portNode.asText() + "`");
        }
        return new FtwInput(format, text(input.path("dest_addr"), format).orElse("localhost"), port,
                text(input.path("protocol"), format).orElse("http"), text(input.path("method"), format).orElse("GET"),
                text(input.path("uri"), format).orElse("/"), text(input.path("version"), format).orElse("HTTP/1.1"),
                headers, data, stopMagic, autocomplete, encoded,
                text(input.path("raw_request"), format));
    }

    static FtwExpectation output(JsonNode output, String where) throws FtwFileException {
        if (!output.isObject()) {
            throw new FtwFileException(where + ": no `output` mapping");
        }
        JsonNode log = output.path("log");
        List<String> logContains = regexes(output.path("log_contains"), where);
        logContains.addAll(regexes(log.path("match_regex"), where));
        List<String> noLogContains = regexes(output.path("no_log_contains"), where);
        noLogContains.addAll(regexes(log.path("no_match_regex"), where));
        return new FtwExpectation(statuses(output.path("status"), where), logContains, noLogContains,
                ids(log.path("expect_ids"), where), ids(log.path("no_expect_ids"), where),
                regexes(output.path("response_contains"), where), output.path("expect_error").asBoolean(false),
                output.path("retry_once").asBoolean(false));
    }

    /**
     * A scalar as the reference runner would print it: Python's {@code str()} for FTW v1
     * ({@code True}), Go's YAML decoding into a string for go-ftw ({@code true}).
     */
    static Optional<String> text(JsonNode node, FtwFormat format) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean() && format == FtwFormat.FTW_V1) {
            return Optional.of(node.asBoolean() ? "True" : "False");
        }
        return Optional.of(node.asText());
    }

    /** {@code data}: a string, or a list of lines joined with CRLF (both runners). */
    private static Optional<String> data(JsonNode node, FtwFormat format) {
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(line -> lines.add(text(line, format).orElse("")));
            return Optional.of(String.join("\r\n", lines));
        }
        return text(node, format);
    }

    private static List<Integer> statuses(JsonNode node, String where) throws FtwFileException {
        List<Integer> statuses = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return statuses;
        }
        for (JsonNode status : node.isArray() ? node : List.of(node)) {
            if (!status.canConvertToInt() && !status.asText().matches("\\d{3}")) {
                throw new FtwFileException(where + ": `status` must be a number or a list of numbers, found `"
                        + status.asText() + "`");
            }
            statuses.add(status.isNumber() ? status.asInt() : Integer.parseInt(status.asText()));
        }
        return statuses;
    }

    private static List<Long> ids(JsonNode node, String where) throws FtwFileException {
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : node.isArray() ? node : node.isMissingNode() || node.isNull() ? List.<JsonNode>of()
                : List.of(node)) {
            if (!id.asText().matches("\\d{1,18}")) {
                throw new FtwFileException(where + ": rule ids must be numbers, found `" + id.asText() + "`");
            }
            ids.add(Long.parseLong(id.asText()));
        }
        return ids;
    }

    private static List<String> regexes(JsonNode node, String where) throws FtwFileException {
        List<String> regexes = new ArrayList<>();
        for (JsonNode regex : node.isArray() ? node : node.isMissingNode() || node.isNull() ? List.<JsonNode>of()
                : List.of(node)) {
            String text = regex.asText();
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new FtwFileException(where + ": not a valid regex `" + text + "`: " + e.getDescription());
            }
            regexes.add(text);
        }
        return regexes;
    }
}
