package dev.palisade.proxy.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP authorization contract, with the calls Envoy's ext_authz {@code http_service} makes
 * ({@code path_prefix: /check}): the original method, {@code /check} + the original path, the
 * allowed headers. 200 allows; anything else is forwarded to the client as the denial.
 */
@Timeout(30)
class HttpAuthzServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();

    private static ExtAuthzServer www;
    private static ExtAuthzServer productpage;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakTracker.install();
        www = server(ProxyFixture.WWW);
        productpage = server(ProxyFixture.PRODUCTPAGE);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static ExtAuthzServer server(Workload workload) throws InterruptedException {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(ProxyFixture.bundle(workload));
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return ExtAuthzServer.start(ExtAuthzConfig.of(any, null, "/check", workload), holder,
                new DecisionLog(LOG::add));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        www.close();
        productpage.close();
        LeakTracker.assertNoLeaks();
    }

    private static HttpResponse<String> check(ExtAuthzServer server, String method, String path, String requestId)
            throws Exception {
        InetSocketAddress address = server.httpAddress();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + address.getPort() + "/check" + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("x-forwarded-proto", "http");
        if (requestId != null) {
            request.header("x-request-id", requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The example www policy's Core Rule Set inspects the body Envoy forwards ({@code with_request_body}). */
    @org.junit.jupiter.api.Test
    void theWafInspectsTheForwardedBody() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(
                java.nio.file.Path.of("/usr/share/modsecurity-crs/rules")), "skipped: Debian's modsecurity-crs is not installed");
        InetSocketAddress address = www.httpAddress();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/check/login.php"))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/x-www-form-urlencoded")
                .header("user-agent", "Mozilla/5.0").header("accept", "text/html").header("x-request-id", "http-waf-attack")
                .POST(HttpRequest.BodyPublishers.ofString("username=%27+or+5%3D5--+&password=x")).build();
        assertEquals(403, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals("waf", logLineFor("http-waf-attack").get("denied_by").asText());
    }

    private static JsonNode logLineFor(String requestId) throws Exception {
        for (String line : LOG) {
            JsonNode node = JSON.readTree(line);
            if (requestId.equals(node.path("request_id").asText())) {
                return node;
            }
        }
        throw new AssertionError("no log line for " + requestId + " in " + LOG);
    }

    @Test
    void anAllowedRequestIs200WithHeadersForTheUpstream() throws Exception {
        HttpResponse<String> response = check(www, "GET", "/robots.txt", "envoy-allow-1");
        assertEquals(200, response.statusCode());
        assertEquals("allow", response.headers().firstValue("x-palisade-decision").orElseThrow());
        assertEquals("www", response.headers().firstValue("x-palisade-policy").orElseThrow());
        assertEquals("envoy-allow-1", response.headers().firstValue("x-request-id").orElseThrow());
        JsonNode line = logLineFor("envoy-allow-1");
        assertEquals("allow", line.path("action").asText());
        assertEquals("/robots.txt", line.path("path").asText());
        assertEquals(200, line.path("status").asInt());
    }

    @Test
    void aDeniedRequestIs403WithABodyNamingEnvoysRequestId() throws Exception {
        HttpResponse<String> response = check(www, "GET", "/.git/HEAD", "envoy-deny-1");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("Request id: envoy-deny-1"), response.body());
        assertEquals("envoy-deny-1", response.headers().firstValue("x-request-id").orElseThrow());
        assertTrue(response.headers().firstValue("x-palisade-decision").isEmpty());
        JsonNode line = logLineFor("envoy-deny-1");
        assertEquals("deny", line.path("action").asText());
        assertEquals("www", line.path("policy").asText());
        assertEquals(403, line.path("status").asInt());
    }

    @Test
    void withoutAnEnvoyRequestIdOneIsMadeUp() throws Exception {
        HttpResponse<String> response = check(www, "POST", "/", null);
        assertEquals(403, response.statusCode());
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertTrue(response.body().contains("Request id: " + requestId), response.body());
        assertNotNull(logLineFor(requestId));
    }

    @Test
    void theWorkloadIsTheOneOnTheCommandLine() throws Exception {
        assertEquals(200, check(productpage, "GET", "/productpage", null).statusCode());
        assertEquals(403, check(productpage, "OPTIONS", "/productpage", null).statusCode());
        assertEquals(403, check(www, "GET", "/productpage", null).statusCode());
    }

    /** Envoy's {@code headers_to_add} name the workload per route: the www server decides for productpage. */
    @Test
    void workloadHeadersChooseTheWorkloadPerCheck() throws Exception {
        InetSocketAddress address = www.httpAddress();
        HttpRequest.Builder productpage = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + address.getPort() + "/check/productpage"))
                .timeout(Duration.ofSeconds(5)).header("x-palisade-labels", "app=productpage")
                .header("x-palisade-namespace", "bookinfo");
        assertEquals(200, client.send(productpage.GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(403, client.send(productpage.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest malformed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/check/"))
                .timeout(Duration.ofSeconds(5)).header("x-palisade-labels", "no-equals-sign").GET().build();
        assertEquals(403, client.send(malformed, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%2e%2e/passwords", "/robots.txt/..;/passwords", "//passwords", "/%2e%2egit/config",
            "/./.git/HEAD"})
    void bypassPathsAreDenied(String path) throws Exception {
        RawHttp.Response response = RawHttp.exchange(www.httpAddress(), "GET", "/check" + path);
        assertEquals(403, response.status(), path);
    }

    @Test
    void aPathOutsideThePrefixIsDenied() throws Exception {
        RawHttp.Response response = RawHttp.exchange(www.httpAddress(), "GET", "/robots.txt");
        assertEquals(403, response.status());
    }

    @Test
    void checksReuseTheConnection() throws Exception {
        try (RawHttp http = new RawHttp(www.httpAddress())) {
            http.send("GET /check/ HTTP/1.1\r\nHost: authz\r\n\r\n");
            assertEquals(200, http.read().status());
            http.send("GET /check/.git/config HTTP/1.1\r\nHost: authz\r\n\r\n");
            assertEquals(403, http.read().status());
            http.send("HEAD /check/ HTTP/1.1\r\nHost: authz\r\nConnection: close\r\n\r\n");
            assertEquals(200, http.read().status());
        }
    }
}
