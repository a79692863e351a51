package dev.palisade.proxy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MetricsTest {

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @Test
    void scrapeCountsAllowedDeniedAndHostileRequestsWithBoundedLabels() throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW)) {
            assertEquals(200, RawHttp.exchange(proxy.address(), "GET", "/robots.txt?a").status());
            assertEquals(200, RawHttp.exchange(proxy.address(), "GET", "/robots.txt?b").status());
            assertEquals(403, RawHttp.exchange(proxy.address(), "GET", "/.git/HEAD").status());
            assertEquals(400, raw(proxy, "GET /robots.txt#x HTTP/1.1\r\nHost: test\r\n\r\n"));
            assertEquals(400, raw(proxy, "GET /?l HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));

            List<String> metrics = scrapeWhen(proxy, "palisade_requests_total", 3);
            String allowRule = ProxyMetrics.fileAndLine(location(proxy, "/robots.txt?a"));
            String denyRule = ProxyMetrics.fileAndLine(location(proxy, "/.git/HEAD"));
            assertTrue(allowRule.matches(".*www\\.pal:\\d+"), allowRule);
            assertEquals(2.0, value(metrics, "palisade_requests_total{action=\"allow\",denied_by=\"none\",policy=\"www\",rule=\""
                    + allowRule + "\",status=\"200\"}"), String.join("\n", metrics));
            assertEquals(1.0, value(metrics, "palisade_requests_total{action=\"deny\",denied_by=\"alp\",policy=\"www\",rule=\""
                    + denyRule + "\",status=\"403\"}"));
            assertEquals(1.0, value(metrics, "palisade_protocol_rejections_total{reason=\"fragment\"}"));
            assertEquals(1.0, value(metrics, "palisade_protocol_rejections_total{reason=\"host\"}"));
            assertEquals(3.0, value(metrics, "palisade_request_duration_seconds_count"));
            assertTrue(metrics.stream().anyMatch(line -> line.startsWith("palisade_request_duration_seconds_bucket{")),
                    "a histogram, so percentiles can be computed across proxies");
            assertEquals(1.0, value(metrics, "palisade_reloads_total{result=\"ok\"}"));
            assertEquals(0.0, value(metrics, "palisade_reloads_total{result=\"failed\"}"));
            assertEquals(1.0, value(metrics, "palisade_bundle_info{ir_hash=\"" + proxy.holder.current().orElseThrow()
                    .irHash() + "\"}"));
            assertEquals(0.0, value(metrics, "palisade_upstream_errors_total{kind=\"refused\"}"));
            assertFalse(metrics.stream().anyMatch(line -> line.contains("robots.txt") || line.contains(".git")),
                    "no request path ever becomes a label");
        }
    }

    @Test
    void aRefusedUpstreamIsCounted() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) socket.getLocalSocketAddress();
        }
        try (ProxyFixture proxy = new ProxyFixture(closed, ProxyFixture.WWW)) {
            assertEquals(502, RawHttp.exchange(proxy.address(), "GET", "/robots.txt").status());
            List<String> metrics = scrapeWhen(proxy, "palisade_requests_total", 1);
            assertEquals(1.0, value(metrics, "palisade_upstream_errors_total{kind=\"refused\"}"));
            assertEquals(0.0, value(metrics, "palisade_upstream_errors_total{kind=\"timeout\"}"));
        }
    }

    @Test
    void rejectionReasonsAreAFixedSetWhateverTheGuardsSay() {
        assertEquals("content_length_and_transfer_encoding", ProxyMetrics.rejectionReason(400,
                "both Transfer-Encoding and Content-Length (RFC 9112 §6.3)"));
        assertEquals("transfer_encoding", ProxyMetrics.rejectionReason(400, "unsupported Transfer-Encoding"));
        assertEquals("body_too_large", ProxyMetrics.rejectionReason(413, "request body over the limit of 9 bytes"));
        assertEquals("uri_too_long", ProxyMetrics.rejectionReason(414, "An HTTP line is larger than 8192 bytes."));
        assertEquals("headers_too_large", ProxyMetrics.rejectionReason(431, "HTTP header is larger than 16384 bytes."));
        assertEquals("malformed", ProxyMetrics.rejectionReason(400, "Invalid separator: /secret/path"));
        assertEquals("malformed", ProxyMetrics.rejectionReason(400, null));
    }

    private static int raw(ProxyFixture proxy, String request) throws Exception {
        try (RawHttp http = new RawHttp(proxy.address())) {
            http.send(request);
            return http.read().status();
        }
    }

    private static String location(ProxyFixture proxy, String path) {
        String marker = "\"path\":\"" + path + "\"";
        String line = proxy.logLines.stream().filter(logged -> logged.contains(marker)).findFirst().orElseThrow();
        int start = line.indexOf("\"location\":\"") + "\"location\":\"".length();
        return line.substring(start, line.indexOf('"', start));
    }

    /** Log lines (and so metrics) of relayed requests are written just after the client got the response. */
    private static List<String> scrapeWhen(ProxyFixture proxy, String counter, double total) throws Exception {
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 200; attempt++) {
            RawHttp.Response response = RawHttp.exchange(proxy.admin(), "GET", "/metrics");
            assertEquals(200, response.status());
            assertTrue(response.header("Content-Type").startsWith("text/plain; version=0.0.4"));
            lines = response.text().lines().toList();
            double sum = lines.stream().filter(line -> line.startsWith(counter + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            if (sum >= total) {
                return lines;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw " + total + " for " + counter + ":\n" + String.join("\n", lines));
    }

    private static double value(List<String> metrics, String series) {
        return metrics.stream().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + String.join("\n", metrics)));
    }
}
