package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.demo.DemoUpstream;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the CRS 3.3.4 regression suite (the SQL injection and XSS files, 626 tests) sent over
 * real sockets through {@code palisade serve}'s proxy, WAF in detection mode at paranoia 4 (the
 * suite's setup), with the opt-in {@code X-Palisade-Waf-Rules} header telling {@code palisade ftw}
 * which rules fired. The same verdicts as in process: none fails.
 */
@Timeout(300)
class CrsOverTheWireTest {
    private static final Path ROOT = Path.of(System.getProperty("palisade.root", "."));
    private static final Path SUITE = ROOT.resolve("../shared/crs-regression/v3.3.4");

    @Test
    void theSqlInjectionAndXssTestsPassThroughTheProxy(@TempDir Path policies) throws Exception {
        assumeTrue(Files.isDirectory(SUITE), "skipped: the CRS regression suite is not at ../shared/crs-regression/v3.3.4");
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's modsecurity-crs package is not installed");
        Files.writeString(policies.resolve("suite.pal"), """
                // The regression suite's own setup: every rule may fire, nothing is blocked.
                policy suite {
                  selector 'app == "suite"'
                  waf {
                    mode detection
                    crs paranoia 4
                  }
                }
                """);
        Workload workload = new Workload(Map.of("app", "suite"), "default");
        BundleCompiler.Outcome compiled = new BundleCompiler(policies, workload).compile();
        assertTrue(compiled.bundle().isPresent(), compiled.problems());
        PolicyHolder holder = new PolicyHolder();
        holder.swap(compiled.bundle().get());
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DemoUpstream upstream = DemoUpstream.start();
                ProxyServer proxy = ProxyServer.start(ProxyConfig.of(any, upstream.address(), null, workload), holder,
                        RequestInspection.alpThenWaf().withWafRulesHeader(), new DecisionLog(line -> { }))) {
            Cli run = Cli.run("ftw", SUITE.resolve("REQUEST-942-APPLICATION-ATTACK-SQLI").toString(),
                    SUITE.resolve("REQUEST-941-APPLICATION-ATTACK-XSS").toString(),
                    "--target", "http://127.0.0.1:" + proxy.listenAddress().getPort());
            String summary = run.out().strip().lines().reduce((a, b) -> b).orElse("");
            System.out.println("CRS 3.3.4 SQLi + XSS over the wire: " + summary);
            Matcher counts = Pattern.compile("ftw: (\\d+)/(\\d+) passed \\((\\d+) failed, (\\d+) skipped\\)").matcher(summary);
            assertTrue(counts.matches(), run.toString());
            assertEquals("0", counts.group(3), run.out());
            assertEquals(counts.group(2), counts.group(1), "every test judged and passed: " + summary);
        }
    }
}
