package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page stands alone, and logged text, an attacker's included, stays data. */
class HtmlReportTest {
    private static final String HOSTILE = "/</script><script>alert(1)</script><!--&amp;\u2028";

    /** The template's placeholders, spelled as a request path can spell them. */
    static final List<String> PLACEHOLDER_PATHS = List.of("/*REPORT_CSS*/", "/*REPORT_DATA*/", "/*REPORT_JS*/",
            "/*SCRIPT_HASH*/");

    private static String page() {
        return page(List.of(HOSTILE));
    }

    private static String page(List<String> paths) {
        ReportData data = new ReportData();
        for (String path : paths) {
            data.add(new LogEntry(Instant.parse("2026-11-24T17:00:00Z"), Outcome.DENIED_BY_ALP, "www", "default", 403,
                    "GET", path, "10.0.0.1", List.of(), 0));
        }
        return HtmlReport.render(data.toJson("a.log", "all lines", 0));
    }

    /** The page's data, parsed as the browser's JSON.parse would. */
    static JsonNode data(String page) throws Exception {
        String json = page.substring(page.indexOf("id=\"report-data\">") + "id=\"report-data\">".length(),
                page.indexOf("</script>"));
        return new ObjectMapper().readTree(json);
    }

    @Test
    void aHostilePathCannotEndTheDataScript() throws Exception {
        String page = page();
        assertEquals(2, page.split("</script>", -1).length - 1, "only the page's own two script elements end");
        assertTrue(data(page).get("groups").get(0).get("deniedPaths").has(HOSTILE),
                "the path is in the data as it was logged");
    }

    @Test
    void aPathSpellingAPlaceholderStaysThatPath() throws Exception {
        String page = page(PLACEHOLDER_PATHS);
        JsonNode paths = data(page).get("groups").get(0).get("deniedPaths");
        for (String path : PLACEHOLDER_PATHS) {
            assertTrue(paths.has(path), () -> path + " is in the data as it was logged: " + paths);
        }
        String css = new String(HtmlReport.class.getResourceAsStream("report.css").readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, page.split(Pattern.quote(css), -1).length, "the stylesheet once, in its style element");
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        String page = page();
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*\"?(https?:)?//").matcher(page).find(),
                "no external script, style, font or image");
        assertFalse(page.contains("@import") || page.contains("url("), "no stylesheet fetches");
        assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none';"),
                "and the browser is told to refuse any fetch");
        assertTrue(Pattern.compile("script-src 'sha256-[A-Za-z0-9+/]{43}='").matcher(page).find(),
                "only the page's own script runs, by its hash: no inline script or handler from the data");
    }

    @Test
    void theSameLogsGiveTheSameBytes() {
        assertEquals(page(), page());
    }
}
