package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.cli.demo.DecisionRecorder;
import dev.palisade.cli.demo.DemoClient;
import dev.palisade.cli.demo.DemoScenario;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The detection-mode shop in the real inline proxy on 127.0.0.1, for pods labelled {@code app=shop}
 * in namespace {@code shop}: the decision log it writes for some requests, every field as the
 * runtime writes it (its own request ids, {@code policy}, the WAF's matches and their data).
 */
final class ProxiedShopLog {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Workload SHOP = new Workload(Map.of("app", "shop"), "shop");

    private ProxiedShopLog() {}

    /** Sends each GET target in turn, waits for its decision line, and writes the lines to {@code directory/proxy.log}. */
    static Path log(Path directory, List<String> targets) throws Exception {
        Path policies = Files.createDirectories(directory.resolve("proxied"));
        ShopTraffic.policy(policies, "detection");
        BundleCompiler.Outcome compiled = new BundleCompiler(policies, SHOP).compile();
        assertTrue(compiled.bundle().isPresent(), compiled::problems);
        PolicyHolder holder = new PolicyHolder();
        holder.swap(compiled.bundle().get());
        List<String> lines = new ArrayList<>();
        DecisionRecorder recorder = new DecisionRecorder();
        DecisionLog log = new DecisionLog(line -> {
            synchronized (lines) {
                lines.add(line);
            }
            recorder.accept(line);
        });
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DemoUpstream upstream = DemoUpstream.start()) {
            ProxyConfig config = new ProxyConfig(loopback, upstream.address(), null, SHOP,
                    ProxyConfig.DEFAULT_REQUEST_BODY_LIMIT, TIMEOUT, TIMEOUT, Duration.ofSeconds(10));
            try (ProxyServer proxy = ProxyServer.start(config, holder, RequestInspection.alpThenWaf(), log)) {
                for (String target : targets) {
                    DemoScenario scenario = new DemoScenario("shop", "GET", target, null, null);
                    DemoClient.Response response = DemoClient.exchange(proxy.listenAddress(), scenario, TIMEOUT);
                    assertEquals(200, response.status(), () -> target + " (detection mode forwards everything ALP allows)");
                    assertTrue(recorder.await(response.header("x-request-id"), TIMEOUT).isPresent(),
                            () -> "no decision line for " + target);
                }
            }
        }
        synchronized (lines) {
            return Files.write(directory.resolve("proxy.log"), lines);
        }
    }
}
