package dev.palisade.cli.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the {@code "type":"alp"} lines of decision logs that an operator marked benign and on
 * which WAF rules fired. {@code report}'s reader keeps neither {@code request_id} nor a rule's
 * {@code data} (the matched variable), which tuning needs, so this one reads them; like it,
 * it skips lines that are not JSON objects, naming the first few by file and line.
 */
public final class TuneLogReader {
    static final int DESCRIBED = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenignMarks marks;
    private final Consumer<BenignRequest> benign;
    private long decisions;
    private long benignCount;
    private long skipped;
    private final List<String> firstSkipped = new ArrayList<>();

    public TuneLogReader(BenignMarks marks, Consumer<BenignRequest> benign) {
        this.marks = marks;
        this.benign = benign;
    }

    public void read(String name, BufferedReader lines) throws IOException {
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line);
            if (node == null) {
                skipped++;
                if (firstSkipped.size() < DESCRIBED) {
                    firstSkipped.add(name + ":" + number + ": not a JSON object");
                }
                continue;
            }
            if (!"alp".equals(node.path("type").asText())) {
                continue;
            }
            decisions++;
            String path = FilenamePath.of(text(node, "path"));
            if (!node.path("waf").isArray() || node.path("waf").isEmpty() || !marks.marks(text(node, "request_id"), path)) {
                continue;
            }
            List<BenignRequest.Firing> firings = new ArrayList<>();
            for (JsonNode match : node.path("waf")) {
                firings.add(new BenignRequest.Firing(match.path("id").asLong(0), text(match, "msg"), text(match, "data")));
            }
            benignCount++;
            benign.accept(new BenignRequest(name + ":" + number, text(node, "dest_service"), text(node, "dest_namespace"),
                    path, firings, text(node, "policy")));
        }
    }

    /** The {@code alp} lines read, benign or not. */
    public long decisions() {
        return decisions;
    }

    /** The marked lines on which WAF rules fired, each passed on. */
    public long benign() {
        return benignCount;
    }

    public long skipped() {
        return skipped;
    }

    public List<String> firstSkipped() {
        return List.copyOf(firstSkipped);
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
