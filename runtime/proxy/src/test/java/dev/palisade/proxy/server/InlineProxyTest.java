package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed scenarios over the wire: a real upstream, the proxy, real clients, all on 127.0.0.1. */
@Timeout(30)
class InlineProxyTest {
    private static final int LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordingUpstream upstream;
    private static ProxyFixture proxy;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = new RecordingUpstream();
        proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW, config -> config.withRequestBodyLimit(LIMIT));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        proxy.close();
        upstream.close();
        LeakTracker.assertNoLeaks();
    }

    private static boolean upstreamSaw(String target) {
        return upstream.seen().stream().anyMatch(seen -> seen.target().equals(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/robots.txt"})
    void listedPathsAreForwardedWithTheUpstreamsBody(String target) throws Exception {
        RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", target);
        assertEquals(200, response.status());
        assertEquals("upstream saw " + target, response.text());
        assertNotNull(response.header("X-Request-Id"));
        RecordingUpstream.Seen seen = upstream.seen().stream().filter(request -> request.target().equals(target))
                .reduce((first, second) -> second).orElseThrow();
        assertEquals(response.header("X-Request-Id"), seen.header("X-request-id"));
        assertEquals("127.0.0.1", seen.header("X-forwarded-for"));
    }

    @Test
    void anAbsoluteFormTargetReachesTheUpstreamInOriginFormWithItsAuthorityAsHost() throws Exception {
        RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", "http://www.example:8443/robots.txt?abs");
        assertEquals(200, response.status());
        RecordingUpstream.Seen seen = upstream.seen().stream()
                .filter(request -> request.target().equals("/robots.txt?abs")).findFirst().orElseThrow();
        assertEquals("www.example:8443", seen.header("Host"));
        assertEquals(403, RawHttp.exchange(proxy.address(), "GET", "http://www.example/passwords").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login.php", "/.git/HEAD", "/passwords/", "//passwords", "/./passwords/",
            "/%2e%2e/passwords", "/robots.txt/..;/passwords", "/ROBOTS.txt", "/robots.txt%00", "*"})
    void everythingElseIsDeniedAndNeverReachesTheUpstream(String target) throws Exception {
        RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", target);
        assertEquals(403, response.status());
        String requestId = response.header("X-Request-Id");
        assertEquals("Request denied by policy. Request id: " + requestId + "\n", response.text());
        assertFalse(upstreamSaw(target), "the upstream must never see " + target);
    }

    @Test
    void aDeniedRequestIsLoggedAsOneJsonLineNamingTheDecidingRule() throws Exception {
        RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", "/.git/HEAD");
        String requestId = response.header("X-Request-Id");
        JsonNode line = proxy.logLines.stream().map(InlineProxyTest::parse)
                .filter(node -> node.path("request_id").asText().equals(requestId)).findFirst().orElseThrow();
        assertEquals("deny", line.get("action").asText());
        assertEquals(403, line.get("status").asInt());
        assertEquals("/.git/HEAD", line.get("path").asText());
        assertEquals("GET", line.get("method").asText());
        assertEquals("127.0.0.1", line.get("source_ip").asText());
        assertTrue(line.get("source_port").asInt() > 0);
        assertEquals("www", line.get("dest_service").asText(), "the listener's workload, by its app label");
        assertEquals("default", line.get("dest_namespace").asText());
        assertEquals("www", line.get("policy").asText());
        assertEquals(3, line.get("rule").asInt(), "the explicit deny of /.git is the policy's third rule");
        assertTrue(line.get("location").asText().matches(".*www\\.pal:\\d+:\\d+"), line.toString());
        assertEquals("rule", line.get("reason").asText());
        assertNotNull(line.get("timestamp").asText());
    }

    @Test
    void anAllowedRequestIsLoggedWithTheUpstreamsStatus() throws Exception {
        RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", "/robots.txt?q=1");
        String requestId = response.header("X-Request-Id");
        // The line is written once the response has been sent, so it may trail the client a little.
        JsonNode line = null;
        for (int attempt = 0; attempt < 100 && line == null; attempt++) {
            line = proxy.logLines.stream().map(InlineProxyTest::parse)
                    .filter(node -> node.path("request_id").asText().equals(requestId)).findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(20);
            }
        }
        assertNotNull(line, "no log line for " + requestId);
        assertEquals("allow", line.get("action").asText());
        assertEquals(200, line.get("status").asInt());
        assertEquals("/robots.txt?q=1", line.get("path").asText());
        assertEquals(1, line.get("rule").asInt());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception notJson) {
            throw new AssertionError("not a JSON line: " + line, notJson);
        }
    }

    @Test
    void keepAliveConnectionsServeSeveralRequestsAllowedAndDeniedInOrder() throws Exception {
        try (RawHttp http = new RawHttp(proxy.address())) {
            http.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, http.read().status());
            http.send("GET /login.php HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(403, http.read().status());
            // pipelined: the denial must wait for the allowed response before it
            http.send("GET /robots.txt HTTP/1.1\r\nHost: test\r\n\r\nGET /passwords HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: test\r\n\r\n");
            RawHttp.Response robots = http.read();
            assertEquals(200, robots.status());
            assertEquals("upstream saw /robots.txt", robots.text());
            assertEquals(403, http.read().status());
            assertEquals("upstream saw /", http.read().text());
            http.send("GET /robots.txt HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, http.read().status(), "still open after five requests");
        }
    }

    @Test
    void requestBodiesRoundTripByteExactUpToTheLimit() throws Exception {
        Random random = new Random(7);
        for (int size : List.of(0, 1, 8191, LIMIT)) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            // www allows only GET and HEAD; a GET body is framed like any other (RFC 9112 §6.2)
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri("/"))
                    .method("GET", HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            RecordingUpstream.Seen seen = upstream.seen().stream()
                    .filter(request -> response.headers().firstValue("X-Request-Id").orElseThrow()
                            .equals(request.header("X-request-id"))).findFirst().orElseThrow();
            assertArrayEquals(sha256(body), sha256(seen.body()), "body of " + size + " bytes");
        }
    }

    @Test
    void aBodyOverTheLimitIsAnswered413AndNotForwarded() throws Exception {
        try (RawHttp http = new RawHttp(proxy.address())) {
            http.send("GET /robots.txt?big HTTP/1.1\r\nHost: test\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
            assertEquals(413, http.read().status());
        }
        try (RawHttp http = new RawHttp(proxy.address())) {
            String chunk = "x".repeat(4096);
            StringBuilder chunks = new StringBuilder("GET /robots.txt?chunked HTTP/1.1\r\nHost: test\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int sent = 0; sent <= LIMIT; sent += chunk.length()) {
                chunks.append("1000\r\n").append(chunk).append("\r\n");
            }
            http.send(chunks.append("0\r\n\r\n").toString());
            assertEquals(413, http.read().status());
        }
        assertFalse(upstreamSaw("/robots.txt?big"));
        assertFalse(upstreamSaw("/robots.txt?chunked"));
        JsonNode refused = proxy.logLines.stream().map(InlineProxyTest::parse)
                .filter(node -> node.path("path").asText().equals("/robots.txt?big")).findFirst().orElseThrow();
        assertEquals("protocol", refused.get("type").asText());
        assertEquals(413, refused.get("status").asInt());
        assertEquals("reject", refused.get("action").asText());
    }

    private static URI uri(String target) {
        return URI.create("http://127.0.0.1:" + proxy.address().getPort() + target);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
