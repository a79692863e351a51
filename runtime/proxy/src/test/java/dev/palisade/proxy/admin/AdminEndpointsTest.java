package dev.palisade.proxy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AdminEndpointsTest {

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @Test
    void readyOnlyOnceABundleIsLoadedAndPoliciesNameIt() throws Exception {
        PolicyBundle www = ProxyFixture.bundle(ProxyFixture.WWW);
        PolicyHolder holder = new PolicyHolder();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ProxyServer server = ProxyServer.start(ProxyConfig.of(any, any, any, ProxyFixture.WWW), holder,
                RequestInspection.alpOnly(), new DecisionLog(new ArrayList<String>()::add))) {
            InetSocketAddress admin = server.adminAddress().orElseThrow();
            assertEquals(200, RawHttp.exchange(admin, "GET", "/healthz").status());
            assertEquals(503, RawHttp.exchange(admin, "GET", "/readyz").status());
            assertEquals(503, RawHttp.exchange(server.listenAddress(), "GET", "/").status(),
                    "no bundle, no decision: nothing is forwarded");

            holder.swap(www);
            assertEquals(200, RawHttp.exchange(admin, "GET", "/readyz").status());
            RawHttp.Response policies = RawHttp.exchange(admin, "GET", "/policies");
            assertEquals(200, policies.status());
            JsonNode body = new ObjectMapper().readTree(policies.body());
            assertEquals(www.irHash(), body.get("ir_hash").asText());
            assertTrue(body.get("policies").toString().contains("\"productpage\""), body.toString());
            assertEquals("[\"block-debug-endpoints\",\"www\"]", body.get("selected_policies").toString());
            assertEquals(404, RawHttp.exchange(admin, "GET", "/nope").status());
        }
    }
}
