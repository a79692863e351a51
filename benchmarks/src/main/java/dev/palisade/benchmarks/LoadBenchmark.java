package dev.palisade.benchmarks;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.demo.DemoUpstream;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput and latency of the inline proxy against the upstream alone, in one run: the demo
 * upstream direct, the proxy with an allow-all policy in front of it, and the proxy with the
 * example {@code www} policy (plus {@code block-debug-endpoints}, which selects every workload),
 * all with the same closed-loop load of {@code GET /} and {@code GET /robots.txt} (paths
 * {@code www} allows) over 64 keep-alive connections. Not a JMH benchmark: it measures a system
 * over sockets, not a method. Everything runs in this JVM on 127.0.0.1, so the generator, the
 * proxy and the upstream share the machine's cores. The decision log is serialized as in
 * production but the lines are counted rather than printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.palisade.benchmarks.LoadBenchmark \
 *     [--seconds 10] [--warmup 5] [--rounds 3] [--connections 64] [--generator-threads 1] \
 *     [--examples policies-examples] [--nginx-reference true]
 * </pre>
 *
 * <p>When Debian's nginx is installed, a fourth row measures it as a plain reverse proxy in front
 * of the same upstream ({@link NginxReferenceProxy}): the share of direct throughput a proxy with
 * next to no work of its own keeps on this machine.
 */
public final class LoadBenchmark {
    private static final List<String> PATHS = List.of("/", "/robots.txt");
    private static final Workload OPEN = new Workload(Map.of("app", "open"), "default");
    private static final Workload WWW = new Workload(Map.of("app", "www"), "default");
    private static final String ALLOW_ALL = """
            policy open {
                selector 'app == "open"'
                alp {
                    allow path prefix "/"
                }
            }
            """;

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds", "10")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warmup", "5")));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        int connections = Integer.parseInt(options.getOrDefault("--connections", "64"));
        int generatorThreads = Integer.parseInt(options.getOrDefault("--generator-threads", "1"));
        Path examples = Path.of(options.getOrDefault("--examples", "policies-examples"));
        // Debian's nginx as a plain reverse proxy: how much of direct any proxy keeps here.
        boolean nginxReference = Boolean.parseBoolean(options.getOrDefault("--nginx-reference", "true"));

        System.out.printf("LoadBenchmark: %d connections, %s warm-up per target, then %d rounds of %s per target, "
                        + "%d generator thread(s), %d cores (availableProcessors), Java %s%n", connections, warmup,
                rounds, measure, generatorThreads, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        LongAdder logLines = new LongAdder();
        DecisionLog log = new DecisionLog(line -> logLines.increment());
        Path openPolicies = Files.createTempDirectory("palisade-load");
        Files.writeString(openPolicies.resolve("open.pal"), ALLOW_ALL);
        try (DemoUpstream upstream = DemoUpstream.start();
                ProxyServer open = proxy(upstream, openPolicies, OPEN, log);
                ProxyServer www = proxy(upstream, examples, WWW, log);
                NginxReferenceProxy reference = nginxReference && NginxReferenceProxy.available()
                        ? NginxReferenceProxy.start(upstream.address()) : null;
                LoadGenerator generator = new LoadGenerator(generatorThreads)) {
            Map<String, InetSocketAddress> targets = new LinkedHashMap<>();
            targets.put("upstream direct", upstream.address());
            targets.put("palisade, allow-all policy", open.listenAddress());
            targets.put("palisade, www policy", www.listenAddress());
            if (reference != null) {
                targets.put("nginx reverse proxy (reference)", reference.address());
            }
            for (InetSocketAddress target : targets.values()) {
                generator.run(target, PATHS, connections, Duration.ZERO, warmup);
            }
            // Interleaved rounds: each proxy row is compared with the direct row measured just
            // before it, so a neighbour's load on the shared machine hits both.
            Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                LoadGenerator.Result direct = null;
                for (Map.Entry<String, InetSocketAddress> target : targets.entrySet()) {
                    boolean nginx = reference != null && target.getValue().equals(reference.address());
                    long nginxCpuBefore = nginx ? reference.cpuNanos() : 0;
                    LoadGenerator.Result result = generator.run(target.getValue(), PATHS, connections, Duration.ZERO,
                            measure);
                    direct = direct == null ? result : direct;
                    results.computeIfAbsent(target.getKey(), key -> new ArrayList<>()).add(result);
                    report("round " + round + " " + target.getKey(), result, direct);
                    if (nginx) {
                        System.out.printf("%-40s nginx's own CPU %4.1f µs/req (another process: not in the CPU/req "
                                + "column, whose proxy share is 0 here)%n", "",
                                (reference.cpuNanos() - nginxCpuBefore) / 1000.0 / result.requests());
                    }
                }
            }
            System.out.println("median over the rounds (the ratio is the median of each round's ratio to direct):");
            List<LoadGenerator.Result> direct = results.get("upstream direct");
            for (Map.Entry<String, List<LoadGenerator.Result>> target : results.entrySet()) {
                List<LoadGenerator.Result> rows = target.getValue();
                double[] ratios = new double[rows.size()];
                for (int index = 0; index < rows.size(); index++) {
                    ratios[index] = rows.get(index).perSecond() / direct.get(index).perSecond();
                }
                System.out.printf("  %-32s %7.0f req/s (%5.1f%% of direct)  p50 %5.2f ms  p99 %6.2f ms  "
                                + "%4.1f µs CPU/req (proxy %4.1f)  errors %d%n",
                        target.getKey(), median(rows.stream().mapToDouble(LoadGenerator.Result::perSecond).toArray()),
                        100 * median(ratios), median(rows.stream().mapToDouble(row -> row.p50() / 1000.0).toArray()),
                        median(rows.stream().mapToDouble(row -> row.p99() / 1000.0).toArray()),
                        median(rows.stream().mapToDouble(LoadGenerator.Result::cpuMicrosPerRequest).toArray()),
                        median(rows.stream().mapToDouble(LoadGenerator.Result::proxyCpuMicrosPerRequest).toArray()),
                        rows.stream().mapToLong(LoadGenerator.Result::errors).sum());
            }
        } finally {
            Files.deleteIfExists(openPolicies.resolve("open.pal"));
            Files.deleteIfExists(openPolicies);
        }
        System.out.printf("decision log lines written (counted, not printed): %d%n", logLines.sum());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static ProxyServer proxy(DemoUpstream upstream, Path policies, Workload workload, DecisionLog log)
            throws InterruptedException {
        BundleCompiler.Outcome outcome = new BundleCompiler(policies, workload).compile();
        PolicyBundle bundle = outcome.bundle().orElseThrow(() -> new IllegalStateException(
                "the policies in " + policies + " do not compile:\n" + outcome.problems()));
        PolicyHolder holder = new PolicyHolder();
        holder.swap(bundle);
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return ProxyServer.start(ProxyConfig.of(any, upstream.address(), null, workload), holder,
                RequestInspection.alpOnly(), log);
    }

    private static void report(String target, LoadGenerator.Result result, LoadGenerator.Result direct) {
        System.out.printf("%-40s %7.0f req/s (%5.1f%% of direct)  p50 %5.2f ms  p90 %5.2f ms  p99 %6.2f ms  "
                        + "max %7.2f ms  %4.1f µs CPU/req (proxy %4.1f)  %d requests, %d errors%n", target,
                result.perSecond(), 100 * result.perSecond() / direct.perSecond(), result.p50() / 1000.0,
                result.p90() / 1000.0, result.p99() / 1000.0, result.max() / 1000.0, result.cpuMicrosPerRequest(),
                result.proxyCpuMicrosPerRequest(), result.requests(),
                result.errors());
    }

    private static Map<String, String> options(String[] args) throws IOException {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs: --name value");
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (int index = 0; index < args.length; index += 2) {
            options.put(args[index], args[index + 1]);
        }
        return options;
    }
}
