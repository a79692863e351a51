package dev.palisade.proxy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.RecentLines;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /dashboard} over a real socket on 127.0.0.1: off unless asked for, GET only, fed by the decision log. */
@Timeout(30)
class DashboardEndpointTest {
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** A page that lists the lines it was given, one a line, so the test can see what the window held. */
    private static final DashboardPage LISTING = lines -> "<!DOCTYPE html><pre>\n" + String.join("\n", lines)
            + "\n</pre>\n";

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    private static PolicyHolder www() {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(ProxyFixture.bundle(ProxyFixture.WWW));
        return holder;
    }

    @Test
    void withoutTheFlagThereIsNoDashboard() throws Exception {
        try (ProxyServer server = ProxyServer.start(ProxyConfig.of(ANY, ANY, ANY, ProxyFixture.WWW), www(),
                RequestInspection.alpOnly(), new DecisionLog(new ArrayList<String>()::add))) {
            InetSocketAddress admin = server.adminAddress().orElseThrow();
            assertEquals(404, RawHttp.exchange(admin, "GET", "/dashboard").status());
            assertEquals(200, RawHttp.exchange(admin, "GET", "/healthz").status(), "the other endpoints still serve");
        }
    }

    @Test
    void withTheFlagTheDashboardShowsTheDecisionLinesAndIsReadOnly() throws Exception {
        RecentLines window = RecentLines.withDefaults();
        List<String> stdout = new ArrayList<>();
        DecisionLog log = new DecisionLog(line -> {
            synchronized (stdout) {
                stdout.add(line);
            }
            window.accept(line);
        });
        try (Dashboard dashboard = Dashboard.start(window, LISTING)) {
            try (ProxyServer server = ProxyServer.start(ProxyConfig.of(ANY, ANY, ANY, ProxyFixture.WWW), www(),
                    RequestInspection.alpOnly(), log, dashboard)) {
                InetSocketAddress admin = server.adminAddress().orElseThrow();
                RawHttp.Response empty = RawHttp.exchange(admin, "GET", "/dashboard");
                assertEquals(200, empty.status());
                assertEquals("text/html; charset=utf-8", empty.header("content-type"));
                assertEquals("frame-ancestors 'none'", empty.header("content-security-policy"), "not framed");
                assertEquals("no-store", empty.header("cache-control"), "always the window now");
                assertEquals("<!DOCTYPE html><pre>\n\n</pre>\n", empty.text(), "nothing logged yet");

                assertEquals(403, RawHttp.exchange(server.listenAddress(), "GET", "/.git/HEAD").status());
                String page = awaitLines(admin, 1);
                synchronized (stdout) {
                    assertEquals(1, stdout.size());
                    assertTrue(page.contains(stdout.get(0)), "the line the log wrote: " + page);
                }
                assertTrue(page.contains("\"path\":\"/.git/HEAD\""), page);

                assertEquals(405, RawHttp.exchange(admin, "POST", "/dashboard").status());
                assertEquals(405, RawHttp.exchange(admin, "DELETE", "/dashboard").status());
                assertEquals(page, RawHttp.exchange(admin, "GET", "/dashboard?clear=true").text(),
                        "a query string changes nothing");
                assertEquals(200, RawHttp.exchange(admin, "GET", "/metrics").status(),
                        "the other endpoints still serve");
            }
        }
    }

    /** The dashboard once it lists {@code count} lines: a denial is logged just after its 403 is sent. */
    private static String awaitLines(InetSocketAddress admin, int count) throws Exception {
        String page = "";
        for (int attempt = 0; attempt < 100; attempt++) {
            page = RawHttp.exchange(admin, "GET", "/dashboard").text();
            if (page.lines().filter(line -> line.startsWith("{")).count() >= count) {
                return page;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the dashboard never listed " + count + " lines: " + page);
    }
}
