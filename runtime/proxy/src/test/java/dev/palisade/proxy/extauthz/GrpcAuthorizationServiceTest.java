package dev.palisade.proxy.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.Code;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.testing.ProxyFixture;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gRPC contract, {@code envoy.service.auth.v3.Authorization/Check}, through a real gRPC
 * client on 127.0.0.1: one server, several workloads (context extensions), caller identity
 * from the SPIFFE principal. Policies: the examples plus {@code ledger.pal}.
 */
@Timeout(30)
class GrpcAuthorizationServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Map<String, String> LEDGER = Map.of("palisade.labels", "app=ledger",
            "palisade.namespace", "finance");

    @TempDir
    static Path policies;

    private static ExtAuthzServer server;
    private static ManagedChannel channel;
    private static AuthorizationGrpc.AuthorizationBlockingStub stub;

    @BeforeAll
    static void start() throws Exception {
        try (DirectoryStream<Path> examples = Files.newDirectoryStream(ProxyFixture.examples(), "*.pal")) {
            for (Path example : examples) {
                Files.copy(example, policies.resolve(example.getFileName()));
            }
        }
        // The examples' tests draw from this corpus: the policies do not compile without it.
        Files.createDirectories(policies.resolve("corpus"));
        Files.copy(ProxyFixture.examples().resolve("corpus/usernames.txt"), policies.resolve("corpus/usernames.txt"));
        try (InputStream ledger = GrpcAuthorizationServiceTest.class.getResourceAsStream("ledger.pal")) {
            Files.copy(ledger, policies.resolve("ledger.pal"));
        }
        BundleCompiler.Outcome outcome = new BundleCompiler(policies, ProxyFixture.WWW).compile();
        PolicyHolder holder = new PolicyHolder();
        holder.swap(outcome.bundle().orElseThrow(() -> new AssertionError(outcome.problems())));
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        server = ExtAuthzServer.start(ExtAuthzConfig.of(any, any, "", ProxyFixture.WWW), holder,
                new DecisionLog(LOG::add));
        InetSocketAddress grpc = server.grpcAddress().orElseThrow();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", grpc.getPort()).usePlaintext().build();
        stub = AuthorizationGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    private static CheckResponse check(String method, String path, String principal, Map<String, String> extensions,
            String requestId) {
        AttributeContext.HttpRequest.Builder http = AttributeContext.HttpRequest.newBuilder()
                .setMethod(method).setPath(path).setHost("app.example").setProtocol("HTTP/1.1")
                .putHeaders(":method", method).putHeaders(":path", path).putHeaders("user-agent", "test");
        if (requestId != null) {
            http.putHeaders("x-request-id", requestId).setId(requestId);
        }
        AttributeContext.Peer.Builder source = AttributeContext.Peer.newBuilder()
                .setAddress(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress("10.1.2.3").setPortValue(40000)));
        if (principal != null) {
            source.setPrincipal(principal);
        }
        CheckRequest request = CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setSource(source)
                .setRequest(AttributeContext.Request.newBuilder().setHttp(http))
                .putAllContextExtensions(extensions)).build();
        return stub.withDeadlineAfter(5, TimeUnit.SECONDS).check(request);
    }

    /** A POST with a form body, sent as Envoy does with {@code with_request_body} ({@code raw_body} bytes). */
    private static CheckResponse checkForm(String path, String form, String requestId) {
        AttributeContext.HttpRequest http = AttributeContext.HttpRequest.newBuilder()
                .setMethod("POST").setPath(path).setHost("www.example").setProtocol("HTTP/1.1").setId(requestId)
                .putHeaders(":method", "POST").putHeaders(":path", path).putHeaders("host", "www.example")
                .putHeaders("user-agent", "Mozilla/5.0").putHeaders("accept", "text/html")
                .putHeaders("content-type", "application/x-www-form-urlencoded")
                .putHeaders("content-length", Integer.toString(form.length())).putHeaders("x-request-id", requestId)
                .setRawBody(com.google.protobuf.ByteString.copyFromUtf8(form)).build();
        CheckRequest request = CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress("10.1.2.3").setPortValue(40000))))
                .setRequest(AttributeContext.Request.newBuilder().setHttp(http))).build();
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).check(request);
    }

    /** The example www policy's Core Rule Set inspects the body Envoy forwards: the login bypass is denied. */
    @Test
    void theWafInspectsTheForwardedBody() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's modsecurity-crs is not installed");
        assertTrue(allowed(checkForm("/login.php", "username=alice&password=correct+horse", "waf-benign")));
        assertTrue(denied403(checkForm("/login.php", "username=%27+or+5%3D5--+&password=x", "waf-attack")));
        JsonNode line = logLine("waf-attack");
        assertEquals("waf", line.get("denied_by").asText());
        List<Long> ids = new java.util.ArrayList<>();
        line.get("waf").forEach(match -> ids.add(match.get("id").asLong()));
        assertTrue(ids.contains(942100L), ids.toString());
    }

    private static String header(List<HeaderValueOption> headers, String key) {
        return headers.stream().filter(option -> option.getHeader().getKey().equals(key))
                .map(option -> option.getHeader().getValue()).findFirst().orElse(null);
    }

    private static boolean allowed(CheckResponse response) {
        return response.getStatus().getCode() == Code.OK_VALUE && response.hasOkResponse();
    }

    private static boolean denied403(CheckResponse response) {
        return response.getStatus().getCode() == Code.PERMISSION_DENIED_VALUE && response.hasDeniedResponse()
                && response.getDeniedResponse().getStatus().getCodeValue() == 403;
    }

    @Test
    void anAllowedRequestIsOkWithHeadersForTheUpstream() throws Exception {
        CheckResponse response = check("GET", "/robots.txt", null, Map.of(), "grpc-allow-1");
        assertTrue(allowed(response), response.toString());
        assertEquals("allow", header(response.getOkResponse().getHeadersList(), "x-palisade-decision"));
        assertEquals("www", header(response.getOkResponse().getHeadersList(), "x-palisade-policy"));
        JsonNode line = logLine("grpc-allow-1");
        assertEquals("allow", line.path("action").asText());
        assertEquals("10.1.2.3", line.path("source_ip").asText());
        assertEquals(200, line.path("status").asInt());
    }

    @Test
    void aDeniedRequestIsPermissionDeniedWith403AndABody() throws Exception {
        CheckResponse response = check("GET", "/.git/HEAD", null, Map.of(), "grpc-deny-1");
        assertTrue(denied403(response), response.toString());
        assertTrue(response.getDeniedResponse().getBody().contains("Request id: grpc-deny-1"));
        assertEquals("grpc-deny-1", header(response.getDeniedResponse().getHeadersList(), "x-request-id"));
        JsonNode line = logLine("grpc-deny-1");
        assertEquals("deny", line.path("action").asText());
        assertEquals("www", line.path("policy").asText());
        assertEquals("/.git/HEAD", line.path("path").asText());
    }

    @Test
    void contextExtensionsChooseTheWorkload() throws Exception {
        Map<String, String> productpage = Map.of("palisade.labels", "app=productpage",
                "palisade.namespace", "bookinfo");
        assertTrue(allowed(check("GET", "/productpage", null, productpage, "grpc-workload-1")));
        JsonNode line = logLine("grpc-workload-1");
        assertEquals("productpage", line.path("dest_service").asText(), "the check's workload, not the defaults");
        assertEquals("bookinfo", line.path("dest_namespace").asText());
        assertTrue(denied403(check("OPTIONS", "/productpage", null, productpage, null)));
        // the defaults (the CLI flags: app=www) deny what the product page serves
        assertTrue(denied403(check("GET", "/productpage", null, Map.of(), null)));
        // a namespace alone keeps the default labels (app=www)
        assertTrue(allowed(check("GET", "/robots.txt", null, Map.of("palisade.namespace", "bookinfo"), null)));
    }

    @Test
    void theSpiffePrincipalIsTheSourceServiceAccount() {
        assertTrue(allowed(check("POST", "/api/entries", "spiffe://cluster.local/ns/finance/sa/teller", LEDGER, null)));
        assertTrue(denied403(check("POST", "/api/entries", "spiffe://cluster.local/ns/finance/sa/auditor", LEDGER,
                null)));
        assertTrue(denied403(check("POST", "/api/entries", "spiffe://cluster.local/ns/other/sa/teller", LEDGER, null)));
        assertTrue(denied403(check("POST", "/api/entries", null, LEDGER, null)));
        assertTrue(denied403(check("POST", "/api/entries", "teller", LEDGER, null)));
        assertTrue(allowed(check("GET", "/api/entries/7", "spiffe://cluster.local/ns/finance/sa/auditor", LEDGER,
                null)));
    }

    @Test
    void malformedLabelsAreDenied() {
        assertTrue(denied403(check("GET", "/robots.txt", null, Map.of("palisade.labels", "app"), null)));
    }

    @Test
    void aCheckWithoutAMethodIsDenied() {
        CheckResponse response = check("", "/robots.txt", null, Map.of(), null);
        assertEquals(Code.PERMISSION_DENIED_VALUE, response.getStatus().getCode());
        assertEquals(400, response.getDeniedResponse().getStatus().getCodeValue());
    }

    private static JsonNode logLine(String requestId) throws Exception {
        for (String line : LOG) {
            JsonNode node = JSON.readTree(line);
            if (requestId.equals(node.path("request_id").asText())) {
                return node;
            }
        }
        throw new AssertionError("no log line for " + requestId + " in " + LOG);
    }
}
