package dev.palisade.proxy.testing;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A proxy on 127.0.0.1 with the example policies, in front of a given upstream, logging to a list. */
public final class ProxyFixture implements AutoCloseable {
    public static final Workload WWW = new Workload(Map.of("app", "www"), "default");
    public static final Workload PRODUCTPAGE = new Workload(Map.of("app", "productpage"), "bookinfo");

    private static final Map<Workload, PolicyBundle> BUNDLES = new ConcurrentHashMap<>();

    static {
        LeakTracker.install();
    }

    public final PolicyHolder holder = new PolicyHolder();
    public final List<String> logLines = new CopyOnWriteArrayList<>();
    public final ProxyServer server;

    public ProxyFixture(InetSocketAddress upstream, Workload workload, UnaryOperator<ProxyConfig> tune)
            throws InterruptedException {
        this(upstream, workload, bundle(workload), tune);
    }

    /** A proxy deciding with {@code bundle} (see {@link #compile}) rather than the examples'. */
    public ProxyFixture(InetSocketAddress upstream, Workload workload, PolicyBundle bundle,
            UnaryOperator<ProxyConfig> tune) throws InterruptedException {
        this(upstream, workload, bundle, RequestInspection.alpOnly(), tune);
    }

    /** With other inspectors than ALP alone (a test body inspector, say). */
    public ProxyFixture(InetSocketAddress upstream, Workload workload, PolicyBundle bundle,
            RequestInspection inspection, UnaryOperator<ProxyConfig> tune) throws InterruptedException {
        holder.swap(bundle);
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ProxyConfig config = tune.apply(ProxyConfig.of(any, upstream, any, workload));
        server = ProxyServer.start(config, holder, inspection, new DecisionLog(logLines::add));
    }

    public ProxyFixture(InetSocketAddress upstream, Workload workload) throws InterruptedException {
        this(upstream, workload, config -> config);
    }

    public static Path examples() {
        return Path.of(System.getProperty("palisade.root", "../.."), "policies-examples");
    }

    /** The example bundle for a workload, compiled once per test run (Janino is not free). */
    public static PolicyBundle bundle(Workload workload) {
        return BUNDLES.computeIfAbsent(workload, key -> new BundleCompiler(examples(), key).compile().bundle()
                .orElseThrow(() -> new AssertionError("the example policies do not compile")));
    }

    /** Writes {@code source} as {@code directory/policy.pal} and compiles it for {@code workload}. */
    public static PolicyBundle compile(Path directory, Workload workload, String source) throws IOException {
        Files.writeString(directory.resolve("policy.pal"), source);
        BundleCompiler.Outcome outcome = new BundleCompiler(directory, workload).compile();
        return outcome.bundle().orElseThrow(() -> new AssertionError("the test policy does not compile:\n"
                + outcome.problems()));
    }

    public InetSocketAddress address() {
        return server.listenAddress();
    }

    public InetSocketAddress admin() {
        return server.adminAddress().orElseThrow();
    }

    @Override
    public void close() {
        server.close();
    }
}
