package dev.palisade.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads decision logs line by line, keeping what the report needs. Logs come from containers and
 * collectors, so other lines are mixed in (startup messages, truncated lines): those are skipped and
 * counted, the first few named by file and line, and reading goes on.
 */
public final class DecisionLogReader {
    /** How many skipped lines are described; the rest are only counted. */
    static final int DESCRIBED = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<LogEntry> entries;
    private long skipped;
    private final List<String> firstSkipped = new ArrayList<>();

    /** @param entries receives every decision, summary and protocol line, in order */
    public DecisionLogReader(Consumer<LogEntry> entries) {
        this.entries = entries;
    }

    /** Reads one log to its end; {@code name} is how messages name it ({@code -} for stdin). */
    public void read(String name, BufferedReader lines) throws IOException {
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            read(name, ++number, line);
        }
    }

    /** Reads lines already in memory (the runtime's recent window), numbering them from 1. */
    public void read(String name, Iterable<String> lines) {
        long number = 0;
        for (String line : lines) {
            read(name, ++number, line);
        }
    }

    private void read(String name, long number, String line) {
        if (line.isBlank()) {
            return;
        }
        String problem = accept(line);
        if (problem != null) {
            skipped++;
            if (firstSkipped.size() < DESCRIBED) {
                firstSkipped.add(name + ":" + number + ": " + problem);
            }
        }
    }

    /** Lines that were not decision log lines. */
    public long skipped() {
        return skipped;
    }

    /** {@code file:line: why} for the first {@value #DESCRIBED} skipped lines. */
    public List<String> firstSkipped() {
        return List.copyOf(firstSkipped);
    }

    /** Passes the line's entry on, or says why it is not a decision log line. */
    private String accept(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException notJson) {
            return "not JSON";
        }
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(node.path("timestamp").asText(""));
        } catch (DateTimeParseException noTime) {
            return "no ISO-8601 \"timestamp\"";
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "alp":
                entries.accept(decision(node, timestamp));
                return null;
            case "protocol":
                entries.accept(new LogEntry(timestamp, Outcome.REJECTED, text(node, "dest_service"),
                        text(node, "dest_namespace"), node.path("status").asInt(0), text(node, "method"),
                        text(node, "path"), text(node, "source_ip"), List.of(), 0));
                return null;
            case "summary":
                entries.accept(new LogEntry(timestamp, null, null, null, 0, null, null, null, List.of(),
                        Math.max(0, node.path("not_logged").asLong(0))));
                return null;
            default:
                return "\"type\" is not alp, protocol or summary";
        }
    }

    private static LogEntry decision(JsonNode node, Instant timestamp) {
        List<FiredRule> rules = new ArrayList<>();
        for (JsonNode match : node.path("waf")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : match.path("tags")) {
                tags.add(tag.asText());
            }
            rules.add(new FiredRule(match.path("id").asLong(0), text(match, "msg"), tags,
                    match.path("disruptive").asBoolean(false)));
        }
        return new LogEntry(timestamp, outcome(node, rules), text(node, "dest_service"), text(node, "dest_namespace"),
                node.path("status").asInt(0), text(node, "method"), text(node, "path"), text(node, "source_ip"),
                rules, 0);
    }

    private static Outcome outcome(JsonNode node, List<FiredRule> rules) {
        if ("deny".equals(node.path("action").asText())) {
            return "waf".equals(node.path("denied_by").asText()) ? Outcome.BLOCKED_BY_WAF : Outcome.DENIED_BY_ALP;
        }
        return rules.isEmpty() ? Outcome.ALLOWED : Outcome.DETECTED_ONLY;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
