package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The live dashboard's page stays whole whatever a logged request spelled: one line cannot blank it. */
class LiveReportTest {

    @Test
    void aDeniedRequestSpellingAPlaceholderIsCountedNotPasted() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String path : HtmlReportTest.PLACEHOLDER_PATHS) {
            lines.add(json.writeValueAsString(json.createObjectNode().put("timestamp", "2026-11-24T17:00:00Z")
                    .put("type", "alp").put("dest_service", "www").put("dest_namespace", "default").put("method", "GET")
                    .put("path", path).put("status", 403).put("action", "deny").put("denied_by", "alp")));
        }
        String page = new LiveReport("test").render(lines);
        Map<String, Long> denied = new TreeMap<>();
        HtmlReportTest.data(page).get("groups").get(0).get("deniedPaths")
                .fields().forEachRemaining(entry -> denied.put(entry.getKey(), entry.getValue().asLong()));
        Map<String, Long> expected = new TreeMap<>();
        HtmlReportTest.PLACEHOLDER_PATHS.forEach(path -> expected.put(path, 1L));
        assertEquals(expected, denied);
    }
}
