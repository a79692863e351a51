package dev.palisade.proxy.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin listener in ext_authz mode: health, readiness, the bundle, and metrics that count checks. */
@Timeout(30)
class ExtAuthzAdminTest {
    @Test
    void theAdminPortAnswersAndCountsChecks() throws Exception {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(ProxyFixture.bundle(ProxyFixture.WWW));
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ExtAuthzServer server = ExtAuthzServer.start(ExtAuthzConfig.of(any, null, "/check", ProxyFixture.WWW),
                holder, new DecisionLog(line -> { }), any, null)) {
            InetSocketAddress admin = server.adminAddress().orElseThrow();
            assertEquals(200, RawHttp.exchange(admin, "GET", "/healthz").status());
            assertEquals(200, RawHttp.exchange(admin, "GET", "/readyz").status());
            assertTrue(RawHttp.exchange(admin, "GET", "/policies").text().contains("\"www\""));
            assertEquals(404, RawHttp.exchange(admin, "GET", "/dashboard").status(), "off unless asked for");

            assertEquals(200, RawHttp.exchange(server.httpAddress(), "GET", "/check/robots.txt").status());
            assertEquals(403, RawHttp.exchange(server.httpAddress(), "GET", "/check/.git/HEAD").status());
            String metrics = RawHttp.exchange(admin, "GET", "/metrics").text();
            assertTrue(metrics.contains("palisade_requests_total{action=\"allow\",denied_by=\"none\",policy=\"www\""), metrics);
            assertTrue(metrics.contains("palisade_requests_total{action=\"deny\",denied_by=\"alp\",policy=\"www\""), metrics);
        }
    }

    @Test
    void withoutAnAdminAddressThereIsNone() throws Exception {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(ProxyFixture.bundle(ProxyFixture.WWW));
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ExtAuthzServer server = ExtAuthzServer.start(ExtAuthzConfig.of(any, null, "/check", ProxyFixture.WWW),
                holder, new DecisionLog(line -> { }))) {
            assertTrue(server.adminAddress().isEmpty());
        }
    }
}
