package dev.palisade.proxy.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAF on the request path, over real sockets: the Core Rule Set in blocking mode stops the
 * seed's login bypass with 403 before the upstream sees it, lets a benign form through, and logs
 * what fired; in detection mode the same attack reaches the upstream and is logged.
 */
@Timeout(120)
class WafEnforcementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN_ATTACK = "username=%27+or+5%3D5--+&password=x";

    private static String policy(String mode) {
        return """
                policy www {
                  selector 'app == "www"'
                  alp {
                    allow GET, HEAD path exact "/"
                    allow POST path exact "/login.php"
                  }
                  waf {
                    mode %s
                    crs paranoia 1 inbound-threshold 5
                  }
                }
                """.formatted(mode);
    }

    /** The proxy with ALP and the WAF in {@code mode}, in front of {@code upstream}. */
    private static ProxyFixture proxy(Path directory, RecordingUpstream upstream, String mode) throws Exception {
        return new ProxyFixture(upstream.address(), ProxyFixture.WWW,
                ProxyFixture.compile(directory, ProxyFixture.WWW, policy(mode)), RequestInspection.alpThenWaf(),
                config -> config);
    }

    @BeforeEach
    void crsIsInstalled() {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's modsecurity-crs is not installed");
    }

    private static RawHttp.Response post(ProxyFixture proxy, String target, String form) throws Exception {
        try (RawHttp http = new RawHttp(proxy.address())) {
            http.send("POST " + target + " HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: Mozilla/5.0\r\n"
                    + "Accept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + form.length() + "\r\nConnection: close\r\n\r\n" + form);
            return http.read();
        }
    }

    /** The log lines with WAF matches, once {@code count} are there (a forwarded request logs after its response). */
    private static List<JsonNode> wafLines(ProxyFixture proxy, int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<JsonNode> lines = wafLines(proxy);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            lines = wafLines(proxy);
        }
        return lines;
    }

    private static List<JsonNode> wafLines(ProxyFixture proxy) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : proxy.logLines) {
            JsonNode node = JSON.readTree(line);
            if (node.has("waf")) {
                lines.add(node);
            }
        }
        return lines;
    }

    private static List<Long> ids(JsonNode line) {
        List<Long> ids = new ArrayList<>();
        line.get("waf").forEach(match -> ids.add(match.get("id").asLong()));
        return ids;
    }

    @Test
    void blockingModeStopsTheLoginBypassBeforeTheUpstream(@TempDir Path directory) throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = proxy(directory, upstream, "blocking")) {
            RawHttp.Response attack = post(proxy, "/login.php", LOGIN_ATTACK);
            assertEquals(403, attack.status());
            assertFalse(attack.text().contains("942100"), "the answer names no rule: " + attack.text());
            RawHttp.Response benign = post(proxy, "/login.php", "username=alice&password=correct+horse");
            assertEquals(200, benign.status());
            assertEquals(1, upstream.seen().size(), "only the benign login reached the upstream");

            List<JsonNode> logged = wafLines(proxy, 1);
            assertEquals(1, logged.size(), proxy.logLines.toString());
            JsonNode line = logged.get(0);
            assertEquals("deny", line.get("action").asText());
            assertEquals("waf", line.get("denied_by").asText());
            assertTrue(ids(line).contains(942100L), ids(line).toString());
            assertTrue(ids(line).contains(949110L), ids(line).toString());
        }
    }

    @Test
    void detectionModeForwardsTheAttackAndLogsIt(@TempDir Path directory) throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = proxy(directory, upstream, "detection")) {
            assertEquals(200, post(proxy, "/login.php", LOGIN_ATTACK).status());
            assertEquals(1, upstream.seen().size());
            JsonNode line = wafLines(proxy, 1).get(0);
            assertEquals("allow", line.get("action").asText());
            assertTrue(ids(line).contains(942100L), ids(line).toString());
        }
    }

    @Test
    void alpDecidesFirstSoADeniedPathCostsNoWafEvaluation(@TempDir Path directory) throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = proxy(directory, upstream, "blocking")) {
            RawHttp.Response response = post(proxy, "/admin.php", LOGIN_ATTACK);
            assertEquals(403, response.status());
            JsonNode line = JSON.readTree(proxy.logLines.get(0));
            assertEquals("alp", line.get("denied_by").asText());
            assertFalse(line.has("waf"));
        }
    }
}
