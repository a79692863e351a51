package dev.palisade.tests.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.cli.demo.DecisionRecorder;
import dev.palisade.cli.demo.DemoClient;
import dev.palisade.cli.demo.DemoScenario;
import dev.palisade.cli.report.LiveReport;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.admin.Dashboard;
import dev.palisade.proxy.demo.DemoUpstream;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.RecentLines;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code palisade serve --dashboard}'s live view in headless Chromium: the inline proxy with the example
 * policies on 127.0.0.1, logging as {@code serve} does into the recent window, a scripted handful of
 * requests (allowed, denied by ALP, one blocked by the Core Rule Set), then {@code /dashboard} opened
 * from the admin port: the page's counts are the requests sent. The screenshot stays in
 * {@code tests/target/report/dashboard.png}.
 */
class DashboardInBrowserTest {
    private static final Path ARTIFACTS = Path.of("tests/target/report");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Workload WWW = new Workload(Map.of("app", "www"), "default");

    private static final List<DemoScenario> ALLOWED = List.of(get("/"), get("/"), get("/"), get("/robots.txt"),
            login("username=alice&password=correct+horse"));
    /** The last spells one of the page template's placeholders: logged, it must not break the page. */
    private static final List<DemoScenario> DENIED_BY_ALP = List.of(get("/.git/HEAD"), get("/admin"),
            get("/login.php"), get("/*REPORT_CSS*/"));
    private static final DemoScenario SQL_INJECTION = login("username=%27+or+5%3D5--+&password=x");

    @Test
    void theLiveDashboardShowsTheRequestsSent() throws Exception {
        HeadlessChromium.assumeInstalled();
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")), "skipped: Debian's "
                + "modsecurity-crs package is not installed (the WAF needs /usr/share/modsecurity-crs)");
        assumeTrue(Files.isDirectory(ScriptedAttackRun.POLICIES),
                "skipped: no policies-examples/ in the working directory");
        BundleCompiler.Outcome compiled = new BundleCompiler(ScriptedAttackRun.POLICIES, WWW).compile();
        assertTrue(compiled.bundle().isPresent(), compiled::problems);
        PolicyHolder holder = new PolicyHolder();
        holder.swap(compiled.bundle().get());

        // As serve --dashboard wires it: every line stdout would get also goes to the window.
        RecentLines window = RecentLines.withDefaults();
        DecisionRecorder recorder = new DecisionRecorder();
        DecisionLog log = new DecisionLog(line -> {
            recorder.accept(line);
            window.accept(line);
        }).sampledBy(holder::logSampling, Clock.systemUTC());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DemoUpstream upstream = DemoUpstream.start();
                Dashboard dashboard = Dashboard.start(window, new LiveReport("palisade serve (test)"))) {
            ProxyConfig config = new ProxyConfig(loopback, upstream.address(), loopback, WWW,
                    ProxyConfig.DEFAULT_REQUEST_BODY_LIMIT, TIMEOUT, TIMEOUT, Duration.ofSeconds(10));
            try (ProxyServer proxy = ProxyServer.start(config, holder, RequestInspection.alpThenWaf(), log,
                    dashboard)) {
                ALLOWED.forEach(scenario -> send(proxy, recorder, scenario, 200));
                DENIED_BY_ALP.forEach(scenario -> send(proxy, recorder, scenario, 403));
                send(proxy, recorder, SQL_INJECTION, 403);

                String url = "http://127.0.0.1:" + proxy.adminAddress().orElseThrow().getPort() + "/dashboard";
                HeadlessChromium.Run chromium = HeadlessChromium.dumpDom(url);
                assertEquals(List.of(), chromium.consoleMessages(), "console messages (script errors, CSP violations)");
                RenderedPage page = new RenderedPage(chromium.dom());
                assertEquals("rendered", page.one("render-status").text());
                assertEquals(ALLOWED.size() + DENIED_BY_ALP.size() + 1, page.number("total-requests"));
                assertEquals(ALLOWED.size(), page.number("total-allowed"));
                assertEquals(DENIED_BY_ALP.size(), page.number("total-alp"));
                assertEquals(1, page.number("total-waf"));
                assertEquals(0, page.number("total-detected"));
                assertEquals(Map.of("200", (long) ALLOWED.size(), "403", DENIED_BY_ALP.size() + 1L),
                        page.countsBy("status-slice", "data-status"), "the pie's slices");
                assertEquals(Map.of("sqli", 1L), page.countsBy("attack-bar", "data-type"));
                assertEquals(Map.of("/.git/HEAD", 1L, "/admin", 1L, "/login.php", 2L, "/*REPORT_CSS*/", 1L),
                        page.byKey("denied-path"));
                assertEquals(DENIED_BY_ALP.size() + 1, page.number("service-www-default-blocked"));
                assertTrue(chromium.dom().contains("http-equiv=\"refresh\""), "the page reloads itself");

                Files.createDirectories(ARTIFACTS);
                Path png = ARTIFACTS.resolve("dashboard.png");
                Files.deleteIfExists(png);
                HeadlessChromium.Run shot = HeadlessChromium.screenshot(url, png);
                assertTrue(Files.isRegularFile(png), () -> "no screenshot; Chromium said:\n" + shot.log());
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                        Arrays.copyOf(Files.readAllBytes(png), 8));
            }
        }
    }

    /** Sends one request and waits for its decision line: an allowed one is logged once relayed. */
    private static void send(ProxyServer proxy, DecisionRecorder recorder, DemoScenario scenario, int expected) {
        try {
            DemoClient.Response response = DemoClient.exchange(proxy.listenAddress(), scenario, TIMEOUT);
            assertEquals(expected, response.status(), () -> scenario.method() + " " + scenario.target());
            assertTrue(recorder.await(response.header("x-request-id"), TIMEOUT).isPresent(),
                    () -> "no decision line for " + scenario);
        } catch (Exception failed) {
            throw new AssertionError(scenario + ": " + failed, failed);
        }
    }

    private static DemoScenario get(String target) {
        return new DemoScenario(DemoScenario.WWW, "GET", target, null, null);
    }

    private static DemoScenario login(String body) {
        return new DemoScenario(DemoScenario.WWW, "POST", "/login.php", body, null);
    }
}
