package dev.palisade.cli;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.reload.PolicyWatcher;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = {"Run the inline proxy: decide every request with the policies, forward the "
        + "allowed ones to the upstream.", "Decision logs go to stdout (one JSON object a line), messages to stderr."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policies", required = true, paramLabel = "DIR", description = "directory of .pal files")
    Path policies;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8080", paramLabel = "HOST:PORT",
            description = "where clients connect (default: ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--upstream", required = true, paramLabel = "URL", description = "the protected service, http://HOST:PORT")
    String upstream;

    @Option(names = "--admin", paramLabel = "HOST:PORT", description = "/healthz, /readyz and /policies (default: off)")
    String admin;

    @Option(names = "--workload-labels", split = ",", paramLabel = "KEY=VALUE", required = true,
            description = "labels of the workload this proxy protects, e.g. app=www,tier=web")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--namespace", defaultValue = "default", description = "the workload's namespace (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(names = "--request-body-limit", defaultValue = "1MiB", paramLabel = "SIZE",
            description = "largest request body read and inspected; larger ones get 413 (bytes, or KiB/MiB; default: ${DEFAULT-VALUE})")
    String requestBodyLimit;

    @Option(names = "--upstream-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "longest silence from the upstream before 504 (default: ${DEFAULT-VALUE})")
    int upstreamTimeoutSeconds;

    @Option(names = "--no-watch", description = "do not reload the policies when their files change")
    boolean noWatch;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(policies)) {
            err.println("palisade: " + policies + ": not a directory");
            return Inputs.USAGE;
        }
        ProxyConfig config = config();
        BundleCompiler compiler = new BundleCompiler(policies, config.workload());
        BundleCompiler.Outcome first = compiler.compile();
        if (first.bundle().isEmpty()) {
            err.println(first.problems());
            err.println("palisade: not serving: the policies in " + policies + " have errors");
            return Inputs.PROBLEMS;
        }
        PolicyHolder holder = new PolicyHolder();
        PolicyBundle bundle = first.bundle().get();
        holder.swap(bundle);
        DecisionLog log = new DecisionLog(out::println);
        try (ProxyServer server = ProxyServer.start(config, holder, RequestInspection.alpOnly(), log);
                PolicyWatcher watcher = new PolicyWatcher(policies, compiler, holder, err::println)) {
            err.println("palisade: bundle " + bundle.irHash() + " for workload " + config.workload() + ": "
                    + (bundle.selectedPolicies().isEmpty() ? "no policy selects it (ALP does not restrict it)"
                            : "policies " + String.join(", ", bundle.selectedPolicies())));
            err.println("palisade: proxying " + address(server.listenAddress()) + " -> http://"
                    + address(config.upstream()) + server.adminAddress().map(a -> ", admin on " + address(a)).orElse("")
                    + (noWatch ? "" : ", reloading on changes in " + policies));
            if (!noWatch) {
                watcher.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "palisade-shutdown"));
            server.awaitClose();
        }
        return 0;
    }

    private ProxyConfig config() {
        URI target = URI.create(upstream);
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--upstream must be http://HOST:PORT, got " + upstream);
        }
        InetSocketAddress upstreamAddress = resolve(target.getHost(), target.getPort() < 0 ? 80 : target.getPort());
        return new ProxyConfig(hostPort("--listen", listen), upstreamAddress,
                admin == null ? null : hostPort("--admin", admin), new Workload(labels, namespace),
                bytes(requestBodyLimit), Duration.ofSeconds(5), Duration.ofSeconds(upstreamTimeoutSeconds),
                Duration.ofSeconds(60));
    }

    private InetSocketAddress hostPort(String option, String value) {
        int colon = value.lastIndexOf(':');
        try {
            return resolve(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        } catch (RuntimeException malformed) {
            throw new ParameterException(spec.commandLine(), option + " must be HOST:PORT, got " + value);
        }
    }

    private InetSocketAddress resolve(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new ParameterException(spec.commandLine(), "cannot resolve " + host);
        }
        return address;
    }

    private int bytes(String size) {
        String text = size.trim();
        long unit = 1;
        if (text.endsWith("KiB")) {
            unit = 1024;
        } else if (text.endsWith("MiB")) {
            unit = 1024 * 1024;
        }
        try {
            long value = Long.parseLong(unit == 1 ? text : text.substring(0, text.length() - 3).trim()) * unit;
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) value;
        } catch (NumberFormatException malformed) {
            throw new ParameterException(spec.commandLine(),
                    "--request-body-limit must be a size like 65536, 64KiB or 1MiB, got " + size);
        }
    }

    private static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
