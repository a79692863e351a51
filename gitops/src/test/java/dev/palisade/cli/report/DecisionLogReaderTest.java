package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the report makes of each kind of line, and of lines that are not decision lines. */
class DecisionLogReaderTest {
    private static final String ALP = "{\"timestamp\":\"2026-11-24T17:21:14.5Z\",\"type\":\"alp\",\"request_id\":\"a\","
            + "\"source_ip\":\"10.0.0.7\",\"source_port\":4000,\"dest_service\":\"www\",\"dest_namespace\":\"default\","
            + "\"method\":\"POST\",\"path\":\"/login.php\",\"status\":%d,\"action\":\"%s\"%s}";
    private static final String SQLI = ",\"waf\":[{\"id\":942100,\"phase\":2,\"msg\":\"SQL Injection Attack Detected via "
            + "libinjection\",\"data\":\"x\",\"severity\":\"CRITICAL\",\"tags\":[\"attack-sqli\"],\"disruptive\":%s}]";

    private final List<LogEntry> entries = new ArrayList<>();
    private final DecisionLogReader reader = new DecisionLogReader(entries::add);

    private void read(String... lines) throws IOException {
        reader.read("decisions.log", new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void eachDecisionHasOneOutcome() throws IOException {
        read(String.format(ALP, 200, "allow", ""),
                String.format(ALP, 200, "allow", String.format(SQLI, "false")),
                String.format(ALP, 403, "deny", ",\"denied_by\":\"alp\""),
                String.format(ALP, 403, "deny", ",\"denied_by\":\"waf\"" + String.format(SQLI, "true")),
                "{\"timestamp\":\"2026-11-24T17:29:08Z\",\"type\":\"protocol\",\"source_ip\":null,\"source_port\":null,"
                        + "\"method\":null,\"path\":null,\"status\":400,\"action\":\"reject\",\"reason\":\"framing\"}");
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DETECTED_ONLY, Outcome.DENIED_BY_ALP, Outcome.BLOCKED_BY_WAF,
                Outcome.REJECTED), entries.stream().map(LogEntry::outcome).toList());
        LogEntry blocked = entries.get(3);
        assertEquals(Instant.parse("2026-11-24T17:21:14.5Z"), blocked.timestamp());
        assertEquals("www", blocked.service());
        assertEquals("default", blocked.namespace());
        assertEquals("10.0.0.7", blocked.sourceIp());
        assertEquals(List.of(new FiredRule(942100, "SQL Injection Attack Detected via libinjection",
                List.of("attack-sqli"), true)), blocked.rules());
        assertNull(entries.get(4).method(), "a request line that could not be read has no method");
        assertEquals(0, reader.skipped());
    }

    @Test
    void aSummaryCarriesTheRequestsNotLoggedOneByOne() throws IOException {
        read("{\"timestamp\":\"2026-11-24T17:21:19Z\",\"type\":\"summary\",\"interval_start\":\"2026-11-24T17:21:14Z\","
                + "\"interval_seconds\":5,\"requests_per_interval\":2,\"requests\":9,\"logged\":2,\"not_logged\":7,"
                + "\"allowed\":3,\"denied_by_alp\":6,\"denied_by_waf\":0}");
        assertEquals(1, entries.size());
        assertEquals(true, entries.get(0).summary());
        assertEquals(7, entries.get(0).notLogged());
    }

    @Test
    void otherLinesAreSkippedCountedAndTheFirstFewNamedByFileAndLine() throws IOException {
        read("palisade: serving on 0.0.0.0:8080", "", "[1,2]", "{\"type\":\"alp\"}",
                "{\"timestamp\":\"2026-11-24T17:21:14Z\",\"type\":\"access\"}", String.format(ALP, 200, "allow", ""),
                "{\"timestamp\":\"2026-11-24T17:21:14Z\",\"type\":\"alp\",\"path\":", "garbage", "more garbage");
        assertEquals(7, reader.skipped());
        assertEquals(List.of("decisions.log:1: not JSON", "decisions.log:3: not a JSON object",
                "decisions.log:4: no ISO-8601 \"timestamp\"",
                "decisions.log:5: \"type\" is not alp, protocol or summary", "decisions.log:7: not JSON"),
                reader.firstSkipped());
        assertEquals(1, entries.size(), "the good line between the bad ones is read");
    }
}
