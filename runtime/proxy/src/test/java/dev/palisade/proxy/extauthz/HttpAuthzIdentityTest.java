package dev.palisade.proxy.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.testing.ProxyFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP authorization service takes the caller from the {@code x-forwarded-client-cert} header
 * Envoy forwards ({@code forward_client_cert_details: SANITIZE_SET}, header in {@code allowed_headers})
 * when told to trust it.
 */
@Timeout(30)
class HttpAuthzIdentityTest {
    private static final Workload LEDGER = new Workload(Map.of("app", "ledger"), "finance");
    private static final String TELLER = "By=spiffe://cluster.local/ns/finance/sa/ledger;URI=spiffe://cluster.local/ns/finance/sa/teller";

    @TempDir
    Path directory;

    private int post(boolean trust, String xfcc) throws Exception {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(ProxyFixture.compile(directory, LEDGER, """
                policy ledger {
                    namespace "finance"
                    selector 'app == "ledger"'
                    alp {
                        allow POST path prefix "/api/entries" from serviceaccount "teller"
                    }
                }
                """));
        ExtAuthzConfig config = ExtAuthzConfig.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, "/check", LEDGER);
        try (ExtAuthzServer server = ExtAuthzServer.start(trust ? config.trustingForwardedClientCert() : config, holder,
                new DecisionLog(line -> { }))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + "/check/api/entries"))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody());
            if (xfcc != null) {
                request.header("x-forwarded-client-cert", xfcc);
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void aTrustedServerAllowsTheNamedCaller() throws Exception {
        assertEquals(200, post(true, TELLER));
        assertEquals(403, post(true, "URI=spiffe://cluster.local/ns/finance/sa/auditor"));
        assertEquals(403, post(true, null));
    }

    @Test
    void anUntrustingServerIgnoresTheHeader() throws Exception {
        assertEquals(403, post(false, TELLER));
    }
}
