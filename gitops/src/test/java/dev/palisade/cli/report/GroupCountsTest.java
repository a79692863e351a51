package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GroupCountsTest {

    private static LogEntry denied(String target) {
        return new LogEntry(Instant.parse("2026-11-24T17:00:00Z"), Outcome.DENIED_BY_ALP, "www", "default", 403, "GET",
                target, "10.0.0.1", List.of(), 0);
    }

    @Test
    void aScanVaryingTheQueryIsOneDeniedPath() {
        GroupCounts counts = new GroupCounts();
        for (String target : List.of("/item.php?id=1", "/item.php?id=2'", "/item.php?id=3#x", "/item.php",
                "http://www.example/item.php?id=4", "/admin#top", "?bare")) {
            counts.add(denied(target));
        }
        Map<String, Long> paths = new TreeMap<>();
        JsonNode json = counts.toJson(JsonNodeFactory.instance).get("deniedPaths");
        json.fields().forEachRemaining(entry -> paths.put(entry.getKey(), entry.getValue().asLong()));
        // A fragment is never sent: one that arrives is part of the path, as the WAF reads it.
        assertEquals(Map.of("/item.php", 5L, "/admin#top", 1L, "/", 1L), paths);
        // And one target the scan sent, the smallest, so the same logs give the same page.
        Map<String, String> examples = new TreeMap<>();
        counts.toJson(JsonNodeFactory.instance).get("deniedPathExamples").fields()
                .forEachRemaining(entry -> examples.put(entry.getKey(), entry.getValue().asText()));
        assertEquals(Map.of("/item.php", "/item.php?id=1", "/", "?bare"), examples);
    }

    @Test
    void mergedBucketsKeepTheSameExample() {
        GroupCounts early = new GroupCounts();
        early.add(denied("/item.php?id=9"));
        GroupCounts late = new GroupCounts();
        late.add(denied("/item.php?id=1"));
        GroupCounts other = new GroupCounts();
        other.add(denied("/item.php?id=1"));
        GroupCounts otherLate = new GroupCounts();
        otherLate.add(denied("/item.php?id=9"));
        assertEquals(early.merge(late).toJson(JsonNodeFactory.instance).get("deniedPathExamples"),
                other.merge(otherLate).toJson(JsonNodeFactory.instance).get("deniedPathExamples"));
    }
}
