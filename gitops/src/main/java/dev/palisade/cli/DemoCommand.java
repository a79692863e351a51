package dev.palisade.cli;

import dev.palisade.cli.demo.DecisionRecorder;
import dev.palisade.cli.demo.DemoReplay;
import dev.palisade.cli.demo.DemoScenario;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.demo.DemoUpstream;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = {"Start a small upstream and the inline proxy on 127.0.0.1 for the seed workloads "
        + "(bookinfo productpage, www), send the seed requests through them, and show what was decided.",
        "Exits 0 when every response is what the policies say, 1 otherwise."})
final class DemoCommand implements Callable<Integer> {
    /** Everything, from the first request to the last log line, within this; startup and shutdown come on top. */
    private static final Duration REPLAY_BUDGET = Duration.ofSeconds(20);

    @Spec
    CommandSpec spec;

    @Option(names = "--policies", defaultValue = "policies-examples", paramLabel = "DIR",
            description = "directory of .pal files (default: ${DEFAULT-VALUE})")
    Path policies;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(policies)) {
            err.println("palisade: " + policies + ": not a directory");
            return Inputs.USAGE;
        }
        Map<String, Workload> workloads = new LinkedHashMap<>();
        workloads.put(DemoScenario.PRODUCTPAGE, new Workload(Map.of("app", "productpage"), "bookinfo"));
        workloads.put(DemoScenario.WWW, new Workload(Map.of("app", "www"), "default"));
        // One compilation serves both proxies: a bundle differs per workload only in its selection.
        BundleCompiler.Outcome compiled =
                new BundleCompiler(policies, workloads.get(DemoScenario.PRODUCTPAGE)).compile();
        if (compiled.bundle().isEmpty()) {
            err.println(compiled.problems());
            err.println("palisade: no demo: the policies in " + policies + " have errors");
            return Inputs.PROBLEMS;
        }
        PolicyBundle loaded = compiled.bundle().get();
        DecisionRecorder decisions = new DecisionRecorder();
        List<ProxyServer> servers = new ArrayList<>();
        try (DemoUpstream upstream = DemoUpstream.start()) {
            try {
                return replay(upstream, loaded, workloads, servers, decisions, out);
            } finally {
                // The proxies first, then the upstream behind them (try-with-resources closes it).
                for (ProxyServer server : servers) {
                    server.close();
                }
            }
        }
    }

    private int replay(DemoUpstream upstream, PolicyBundle loaded, Map<String, Workload> workloads,
            List<ProxyServer> servers, DecisionRecorder decisions, PrintWriter out) throws InterruptedException {
        CompiledPolicy policy = loaded.policy();
        out.println("palisade demo: bundle " + policy.irHash() + " compiled from " + policies
                + "; demo upstream on " + address(upstream.address()));
        Map<String, DemoReplay.Target> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Workload> entry : workloads.entrySet()) {
            PolicyBundle bundle = loaded.withSelection(policy.select(entry.getValue()));
            ProxyServer server = startProxy(entry.getValue(), upstream.address(), bundle, decisions);
            servers.add(server);
            targets.put(entry.getKey(), new DemoReplay.Target(server.listenAddress(), bundle));
            out.printf("  %-12s proxy on %s, workload %s: %s%n", entry.getKey(), address(server.listenAddress()),
                    entry.getValue(), bundle.selectedPolicies().isEmpty() ? "no policy selects it"
                            : "policies " + String.join(", ", bundle.selectedPolicies()));
        }
        out.println();
        DemoReplay.Summary summary = new DemoReplay(targets, decisions, out)
                .run(DemoScenario.seed(), Instant.now().plus(REPLAY_BUDGET));
        out.println();
        out.println(summary);
        return summary.clean() ? 0 : Inputs.PROBLEMS;
    }

    private static ProxyServer startProxy(Workload workload, InetSocketAddress upstream, PolicyBundle bundle,
            DecisionRecorder decisions) throws InterruptedException {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(bundle);
        // Short timeouts: everything is local, and the demo must end even if something hangs.
        ProxyConfig config = new ProxyConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), upstream,
                null, workload, ProxyConfig.DEFAULT_REQUEST_BODY_LIMIT, Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        return ProxyServer.start(config, holder, RequestInspection.alpThenWaf(), new DecisionLog(decisions));
    }

    private static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
