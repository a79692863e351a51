package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page stands alone, and logged text, an attacker's included, stays data. */
class HtmlReportTest {
    private static final String HOSTILE = "/</script><script>alert(1)</script><!--&amp;\u2028";

    private static String page() {
        ReportData data = new ReportData();
        data.add(new LogEntry(Instant.parse("2026-11-24T17:00:00Z"), Outcome.DENIED_BY_ALP, "www", "default", 403,
                "GET", HOSTILE, "10.0.0.1", List.of(), 0));
        return HtmlReport.render(data.toJson("a.log", "all lines", 0));
    }

    @Test
    void aHostilePathCannotEndTheDataScript() throws Exception {
        String page = page();
        assertEquals(2, page.split("</script>", -1).length - 1, "only the page's own two script elements end");
        String json = page.substring(page.indexOf("id=\"report-data\">") + "id=\"report-data\">".length(),
                page.indexOf("</script>"));
        assertTrue(new ObjectMapper().readTree(json).get("groups").get(0).get("deniedPaths").has(HOSTILE),
                "the path is in the data as it was logged");
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
