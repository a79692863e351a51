package dev.palisade.cli;

import dev.palisade.engine.request.Workload;
import dev.palisade.cli.report.LiveReport;
import dev.palisade.proxy.admin.Dashboard;
import dev.palisade.proxy.extauthz.ExtAuthzConfig;
import dev.palisade.proxy.extauthz.ExtAuthzServer;
import dev.palisade.proxy.log.BackgroundLineWriter;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.RecentLines;
import dev.palisade.proxy.log.SummaryFlusher;
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
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = {"Run the inline proxy: decide every request with the policies, forward the "
        + "allowed ones to the upstream.", "With --mode ext-authz, answer Envoy's external authorization checks "
        + "instead (HTTP service, and gRPC Authorization/Check with --grpc-listen).",
        "Decision logs go to stdout (one JSON object a line), messages to stderr."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policies", required = true, paramLabel = "DIR", description = "directory of .pal files")
    Path policies;

    @Option(names = "--mode", defaultValue = "proxy", paramLabel = "proxy|ext-authz",
            description = "proxy: inline reverse proxy; ext-authz: Envoy external authorization server (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "where clients connect (default: 127.0.0.1:8080); with --mode ext-authz, the HTTP "
                    + "authorization service (default: 127.0.0.1:9191)")
    String listen;

    @Option(names = "--grpc-listen", paramLabel = "HOST:PORT",
            description = "--mode ext-authz: the gRPC envoy.service.auth.v3.Authorization service (default: off)")
    String grpcListen;

    @Option(names = "--path-prefix", defaultValue = "", paramLabel = "PATH",
            description = "--mode ext-authz: the path_prefix of Envoy's http_service, stripped before deciding (default: none)")
    String pathPrefix;

    @Option(names = "--upstream", paramLabel = "URL", description = "the protected service, http://HOST:PORT (--mode proxy)")
    String upstream;

    @Option(names = "--admin", paramLabel = "HOST:PORT",
            description = "/healthz, /readyz, /policies and /metrics (default: off)")
    String admin;

    @Option(names = "--dashboard", description = {
            "serve a live, read-only report of the recent decision lines (the last 10,000, at most 15 minutes old,",
            "as logged, after sampling) at /dashboard on the --admin port; the page reloads every 10 s (default: off)"})
    boolean dashboard;

    @Option(names = "--workload-labels", split = ",", paramLabel = "KEY=VALUE", required = true,
            description = "labels of the workload this proxy protects, e.g. app=www,tier=web")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--namespace", defaultValue = "default", description = "the workload's namespace (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(names = "--request-body-limit", defaultValue = "1MiB", paramLabel = "SIZE",
            description = "largest request body read and inspected; larger ones get 413 (bytes, or KiB/MiB; default: ${DEFAULT-VALUE})")
    String requestBodyLimit;

    @Option(names = "--request-body-limit-action", defaultValue = "reject", paramLabel = "reject|pass-uninspected",
            description = "a request body over the limit: reject answers 413; pass-uninspected forwards it whole, "
                    + "its body not inspected (the decision log says \"body_inspected\":false), up to "
                    + "64MiB (default: ${DEFAULT-VALUE})")
    String requestBodyLimitAction;

    @Option(names = "--drain-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "on stop, how long requests in flight may take to finish (default: ${DEFAULT-VALUE})")
    int drainTimeoutSeconds;

    @Option(names = "--upstream-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "longest silence from the upstream before 504 (default: ${DEFAULT-VALUE})")
    int upstreamTimeoutSeconds;

    @Option(names = "--waf-rules-header", description = "debug: name the WAF rules that fired in the response header"
            + " X-Palisade-Waf-Rules (for palisade ftw --target); it tells clients which rule caught them, so never in production")
    boolean wafRulesHeader;

    @Option(names = "--no-watch", description = "do not reload the policies when their files change")
    boolean noWatch;

    @Option(names = "--trust-xfcc", description = {
            "take the caller's identity (for `from serviceaccount` / `from namespace` rules) from the",
            "x-forwarded-client-cert header a mesh proxy in front sets; only when nothing else can reach the listener"})
    boolean trustXfcc;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(policies)) {
            err.println("palisade: " + policies + ": not a directory");
            return Inputs.USAGE;
        }
        if ("ext-authz".equals(mode)) {
            return serveExtAuthz(out, err);
        }
        if (!"proxy".equals(mode)) {
            throw new ParameterException(spec.commandLine(), "--mode must be proxy or ext-authz, got " + mode);
        }
        if (upstream == null) {
            throw new ParameterException(spec.commandLine(), "--mode proxy needs --upstream URL");
        }
        if (dashboard && admin == null) {
            throw new ParameterException(spec.commandLine(),
                    "--dashboard is served on the admin port: add --admin HOST:PORT");
        }
        ProxyConfig config = config();
        BundleCompiler compiler = new BundleCompiler(policies, config.workload());
        Optional<PolicyHolder> loaded = firstBundle(compiler, err);
        if (loaded.isEmpty()) {
            return Inputs.PROBLEMS;
        }
        PolicyHolder holder = loaded.get();
        PolicyBundle bundle = holder.current().orElseThrow();
        // The dashboard sees exactly the lines stdout gets: after sampling, with the summaries.
        RecentLines window = dashboard ? RecentLines.withDefaults() : null;
        BackgroundLineWriter lines = BackgroundLineWriter.start(out, BackgroundLineWriter.DEFAULT_CAPACITY);
        DecisionLog log = sampledLog(lines(lines, window), holder);
        RequestInspection inspection = trustXfcc ? RequestInspection.alpThenWafTrustingForwardedClientCert()
                : RequestInspection.alpThenWaf();
        if (wafRulesHeader) {
            inspection = inspection.withWafRulesHeader();
        }
        try (BackgroundLineWriter stdout = lines;
                Dashboard live = window == null ? null : Dashboard.start(window, new LiveReport("palisade serve on "
                        + address(config.listen()) + " for " + config.workload()));
                SummaryFlusher summaries = SummaryFlusher.start(log);
                ProxyServer server = ProxyServer.start(config, holder, inspection, log, live);
                PolicyWatcher watcher = new PolicyWatcher(policies, compiler, holder, err::println)) {
            err.println("palisade: bundle " + bundle.irHash() + " for workload " + config.workload() + ": "
                    + (bundle.selectedPolicies().isEmpty() ? "no policy selects it (ALP does not restrict it)"
                            : "policies " + String.join(", ", bundle.selectedPolicies())));
            err.println("palisade: proxying " + address(server.listenAddress()) + " -> http://"
                    + address(config.upstream()) + server.adminAddress().map(a -> ", admin on " + address(a)
                            + (live == null ? "" : " (live view at /dashboard)")).orElse("")
                    + (noWatch ? "" : ", reloading on changes in " + policies));
            if (!noWatch) {
                watcher.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stdout.close(); // the JVM halts once the hooks end: the queued lines go out first
            }, "palisade-shutdown"));
            server.awaitClose();
        }
        return 0;
    }

    /** Decision lines to stdout through the writer thread, and to the live view's window when there is one. */
    private static Consumer<String> lines(BackgroundLineWriter stdout, RecentLines window) {
        return window == null ? stdout : line -> {
            stdout.accept(line);
            window.accept(line);
        };
    }

    /**
     * Decision lines sampled as the log blocks of the policies selecting the (default) workload say,
     * read from the current bundle, so a reload that changes a log block applies at once.
     */
    private static DecisionLog sampledLog(Consumer<String> lines, PolicyHolder holder) {
        return new DecisionLog(lines).sampledBy(holder::logSampling, Clock.systemUTC());
    }

    /** Compiles the policies before serving: a holder with the bundle, or empty with the problems printed. */
    private Optional<PolicyHolder> firstBundle(BundleCompiler compiler, PrintWriter err) {
        BundleCompiler.Outcome first = compiler.compile();
        if (first.bundle().isEmpty()) {
            err.println(first.problems());
            err.println("palisade: not serving: the policies in " + policies + " have errors");
            return Optional.empty();
        }
        PolicyHolder holder = new PolicyHolder();
        holder.swap(first.bundle().get());
        return Optional.of(holder);
    }

    /** Envoy's external authorization server: the same bundle and reload, no upstream. */
    private int serveExtAuthz(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (upstream != null) {
            throw new ParameterException(spec.commandLine(), "--mode ext-authz takes no --upstream: Envoy forwards");
        }
        if (dashboard && admin == null) {
            throw new ParameterException(spec.commandLine(),
                    "--dashboard is served on the admin port: add --admin HOST:PORT");
        }
        ExtAuthzConfig config;
        try {
            config = ExtAuthzConfig.of(hostPort("--listen", listen == null ? "127.0.0.1:9191" : listen),
                    grpcListen == null ? null : hostPort("--grpc-listen", grpcListen), pathPrefix,
                    new Workload(labels, namespace));
            if (trustXfcc) {
                config = config.trustingForwardedClientCert();
            }
        } catch (IllegalArgumentException badPrefix) {
            throw new ParameterException(spec.commandLine(), "--path-prefix must start with /, got " + pathPrefix);
        }
        BundleCompiler compiler = new BundleCompiler(policies, config.defaultWorkload());
        Optional<PolicyHolder> loaded = firstBundle(compiler, err);
        if (loaded.isEmpty()) {
            return Inputs.PROBLEMS;
        }
        PolicyHolder holder = loaded.get();
        PolicyBundle bundle = holder.current().orElseThrow();
        RecentLines window = dashboard ? RecentLines.withDefaults() : null;
        BackgroundLineWriter lines = BackgroundLineWriter.start(out, BackgroundLineWriter.DEFAULT_CAPACITY);
        DecisionLog log = sampledLog(lines(lines, window), holder);
        try (BackgroundLineWriter stdout = lines;
                Dashboard live = window == null ? null : Dashboard.start(window, new LiveReport("palisade serve --mode ext-authz on "
                        + address(config.httpListen())));
                SummaryFlusher summaries = SummaryFlusher.start(log);
                ExtAuthzServer server = ExtAuthzServer.start(config, holder, log,
                        admin == null ? null : hostPort("--admin", admin), live);
                PolicyWatcher watcher = new PolicyWatcher(policies, compiler, holder, err::println)) {
            err.println("palisade: bundle " + bundle.irHash() + ", default workload " + config.defaultWorkload()
                    + " (checks may name another in context_extensions palisade.labels / palisade.namespace)");
            err.println("palisade: ext_authz HTTP on " + address(server.httpAddress())
                    + (config.pathPrefix().isEmpty() ? "" : " (path prefix " + config.pathPrefix() + ")")
                    + server.grpcAddress().map(a -> ", gRPC on " + address(a)).orElse("")
                    + server.adminAddress().map(a -> ", admin on " + address(a)
                            + (live == null ? "" : " (live view at /dashboard)")).orElse("")
                    + (noWatch ? "" : ", reloading on changes in " + policies));
            if (!noWatch) {
                watcher.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stdout.close();
            }, "palisade-shutdown"));
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
        return new ProxyConfig(hostPort("--listen", listen == null ? "127.0.0.1:8080" : listen), upstreamAddress,
                admin == null ? null : hostPort("--admin", admin), new Workload(labels, namespace),
                bytes(requestBodyLimit), Duration.ofSeconds(5), Duration.ofSeconds(upstreamTimeoutSeconds),
                Duration.ofSeconds(60), bodyLimitAction(), Duration.ofSeconds(drainTimeoutSeconds));
    }

    private ProxyConfig.BodyLimitAction bodyLimitAction() {
        return switch (requestBodyLimitAction) {
            case "reject" -> ProxyConfig.BodyLimitAction.REJECT;
            case "pass-uninspected" -> ProxyConfig.BodyLimitAction.PASS_UNINSPECTED;
            default -> throw new ParameterException(spec.commandLine(),
                    "--request-body-limit-action must be reject or pass-uninspected, got " + requestBodyLimitAction);
        };
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
