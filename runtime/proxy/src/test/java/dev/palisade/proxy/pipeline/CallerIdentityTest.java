package dev.palisade.proxy.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.testing.ProxyFixture;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline, {@code from serviceaccount} rules see the caller a trusted mesh proxy names in XFCC, and only then. */
class CallerIdentityTest {
    private static final String LEDGER = """
            policy ledger {
                namespace "finance"
                selector 'app == "ledger"'
                alp {
                    allow GET path prefix "/api/entries"
                    allow POST path prefix "/api/entries" from serviceaccount "teller"
                }
            }
            """;
    private static final String TELLER = "By=spiffe://cluster.local/ns/finance/sa/ledger;URI=spiffe://cluster.local/ns/finance/sa/teller";

    @TempDir
    Path directory;

    private Inspection post(RequestInspection inspection, String xfcc) throws Exception {
        PolicyBundle bundle = ProxyFixture.compile(directory, new Workload(Map.of("app", "ledger"), "finance"), LEDGER);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/entries", Unpooled.EMPTY_BUFFER);
        if (xfcc != null) {
            request.headers().add("x-forwarded-client-cert", xfcc);
        }
        return inspection.inspect(bundle, request, request.content());
    }

    @Test
    void aTrustedHeaderNamesTheCaller() throws Exception {
        Inspection teller = post(RequestInspection.alpThenWafTrustingForwardedClientCert(), TELLER);
        assertFalse(teller.denied());
        assertEquals(2, teller.alpDecision().rule() + 1);
    }

    @Test
    void anotherCallerOrNoneIsDenied() throws Exception {
        assertTrue(post(RequestInspection.alpThenWafTrustingForwardedClientCert(),
                "URI=spiffe://cluster.local/ns/finance/sa/auditor").denied());
        assertTrue(post(RequestInspection.alpThenWafTrustingForwardedClientCert(), null).denied());
    }

    @Test
    void withoutTrustTheHeaderIsIgnored() throws Exception {
        assertTrue(post(RequestInspection.alpThenWaf(), TELLER).denied(), "anyone could have written it");
    }
}
