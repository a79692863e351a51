package dev.palisade.tests.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.cli.demo.DecisionRecorder;
import dev.palisade.cli.demo.DemoClient;
import dev.palisade.cli.demo.DemoScenario;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Sample logs from a scripted attack: the example policies behind the real inline proxy on
 * 127.0.0.1 (as {@code palisade demo} starts them, with {@code palisade serve}'s sampled log), then
 * an nmap-style enumeration of www, SQL injection and XSS posts to its login form, and benign
 * traffic to both workloads; before that, path traversals against a search service whose WAF only
 * detects and whose log is sampled (two lines a minute, the rest in a summary line). Keeps the decision log lines and what the client saw, so a test can
 * hold the report to the responses actually sent.
 */
final class ScriptedAttackRun {
    static final Path POLICIES = Path.of("policies-examples");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Workload WWW = new Workload(Map.of("app", "www"), "default");
    private static final Workload PRODUCTPAGE = new Workload(Map.of("app", "productpage"), "bookinfo");
    static final String SEARCH_SERVICE = "search";
    /** The search policy's {@code requests-per-interval}: all its requests fall in one sampling interval. */
    static final int SEARCH_LOGGED = 2;
    private static final Workload SEARCH = new Workload(Map.of("app", SEARCH_SERVICE), "shop");

    /**
     * Sent to the search service, whose WAF only detects: allowed, with the CRS's LFI rules firing (and
     * only those: {@code /etc/passwd} would fire the Unix shell rule 932160 as well).
     */
    static final List<String> PATH_TRAVERSALS = List.of("/search?file=../../../../boot.ini",
            "/search?file=..%2f..%2f..%2fboot.ini", "/search?page=../../../boot.ini",
            "/search?doc=../../../../../boot.ini", "/search?f=..%2f..%2fboot.ini");

    /** Sent to POST /login.php, which ALP allows: the Core Rule Set must block each of them. */
    static final List<String> SQL_INJECTIONS = List.of("username=%27+or+5%3D5--+&password=x",
            "username=admin%27--&password=x", "username=x%27+union+select+password+from+users--&password=x");
    static final List<String> CROSS_SITE_SCRIPTS = List.of(
            "username=%3Cscript%3Ealert(1)%3C%2Fscript%3E&password=x",
            "username=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&password=x");

    /** What the policies allow; every other request of the enumeration is a probe they deny. */
    private static final Set<String> BENIGN = Set.of("GET /", "GET /robots.txt", "GET /productpage", "POST /login.php");

    /** What the client got for one request. */
    record Sent(DemoScenario scenario, int status, String kind) {}

    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<Sent> sent = new ArrayList<>();

    /** Runs the whole script; skips the calling test without the Core Rule Set or the examples. */
    static ScriptedAttackRun run() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's modsecurity-crs package is not installed (the WAF needs /usr/share/modsecurity-crs)");
        assumeTrue(Files.isDirectory(POLICIES), "skipped: no policies-examples/ in the working directory");
        ScriptedAttackRun run = new ScriptedAttackRun();
        run.execute();
        return run;
    }

    private void execute() throws Exception {
        DecisionRecorder recorder = new DecisionRecorder();
        Consumer<String> sink = line -> {
            logLines.add(line);
            recorder.accept(line);
        };
        PolicyBundle examples = compile(POLICIES, WWW);
        PolicyBundle search = compileSearch();
        List<ProxyServer> servers = new ArrayList<>();
        List<DecisionLog> logs = new ArrayList<>();
        try (DemoUpstream upstream = DemoUpstream.start()) {
            try {
                Map<String, ProxyServer> proxies = new TreeMap<>();
                proxies.put(DemoScenario.WWW, start(WWW, examples, upstream, sink, logs));
                proxies.put(DemoScenario.PRODUCTPAGE, start(PRODUCTPAGE, examples, upstream, sink, logs));
                proxies.put(SEARCH_SERVICE, start(SEARCH, search, upstream, sink, logs));
                servers.addAll(proxies.values());
                // Search logs two lines a minute: most of its requests are only counted, by the summary
                // line the flush below writes once its proxy has counted them all (its metrics see every one).
                for (String target : PATH_TRAVERSALS) {
                    DemoScenario scenario = new DemoScenario(SEARCH_SERVICE, "GET", target, null, null);
                    DemoClient.Response response = DemoClient.exchange(
                            proxies.get(SEARCH_SERVICE).listenAddress(), scenario, TIMEOUT);
                    sent.add(new Sent(scenario, response.status(), "lfi-detected"));
                }
                awaitCounted(proxies.get(SEARCH_SERVICE), PATH_TRAVERSALS.size());
                for (Scripted step : script()) {
                    DemoClient.Response response = DemoClient.exchange(
                            proxies.get(step.scenario().workload()).listenAddress(), step.scenario(), TIMEOUT);
                    String requestId = response.header("x-request-id");
                    // An allowed request is logged once the upstream's response is relayed: wait for it.
                    JsonNode line = recorder.await(requestId, TIMEOUT).orElse(null);
                    assertTrue(line != null, () -> "no decision line for " + step.scenario());
                    sent.add(new Sent(step.scenario(), response.status(), step.kind()));
                }
            } finally {
                logs.forEach(DecisionLog::flush);
                servers.forEach(ProxyServer::close);
            }
        }
    }

    /** One compilation serves every workload: a bundle differs per workload only in its selection. */
    private static PolicyBundle compile(Path policies, Workload workload) {
        BundleCompiler.Outcome compiled = new BundleCompiler(policies, workload).compile();
        assertTrue(compiled.bundle().isPresent(), compiled::problems);
        return compiled.bundle().get();
    }

    /** A search service whose WAF only detects, and whose log keeps two lines a minute. */
    private static PolicyBundle compileSearch() throws IOException {
        Path directory = Files.createTempDirectory("palisade-search-policy");
        Path file = directory.resolve("search.pal");
        try {
            Files.writeString(file, """
                    policy search {
                        selector 'app == "search"'
                        alp { allow GET path prefix "/search" }
                        waf {
                            mode detection
                            crs paranoia 1 inbound-threshold 5
                        }
                        log {
                            interval 60s
                            requests-per-interval %d
                        }
                    }
                    """.formatted(SEARCH_LOGGED));
            return compile(directory, SEARCH);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    /** The inline proxy for one workload, logging as {@code palisade serve} does, with an admin port. */
    private static ProxyServer start(Workload workload, PolicyBundle bundle, DemoUpstream upstream,
            Consumer<String> sink, List<DecisionLog> logs) throws InterruptedException {
        PolicyHolder holder = new PolicyHolder();
        holder.swap(bundle.withSelection(bundle.policy().select(workload)));
        DecisionLog log = new DecisionLog(sink)
                .sampledBy(holder::logSampling, Clock.systemUTC());
        logs.add(log);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ProxyConfig config = new ProxyConfig(loopback, upstream.address(), loopback, workload,
                ProxyConfig.DEFAULT_REQUEST_BODY_LIMIT, TIMEOUT, TIMEOUT, Duration.ofSeconds(10));
        return ProxyServer.start(config, holder, RequestInspection.alpThenWaf(), log);
    }

    /** Waits until the proxy's {@code palisade_requests_total} counts {@code expected} requests. */
    private static void awaitCounted(ProxyServer proxy, long expected) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + proxy.adminAddress().orElseThrow().getPort() + "/metrics")).timeout(TIMEOUT).build();
        double counted = 0;
        for (int attempt = 0; attempt < 100 && counted < expected; attempt++) {
            counted = client.send(request, HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith("palisade_requests_total{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            if (counted < expected) {
                Thread.sleep(50);
            }
        }
        assertTrue(counted >= expected, "the search proxy counted " + counted + " of " + expected + " requests");
    }

    /** One request of the script and what it is: benign, probe, sqli or xss. */
    private record Scripted(DemoScenario scenario, String kind) {}

    private static List<Scripted> script() {
        List<Scripted> script = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            script.add(benign(DemoScenario.WWW, "GET", "/", null));
            script.add(benign(DemoScenario.PRODUCTPAGE, "GET", "/productpage", null));
        }
        // The demo's own requests: the bookinfo product page, then nmap http-enum's probes of www and a login.
        for (DemoScenario scenario : DemoScenario.seed()) {
            if (scenario.body() != null && !scenario.body().startsWith("username=alice")) {
                continue; // the seed's login bypass is the first of SQL_INJECTIONS
            }
            boolean benign = BENIGN.contains(scenario.method() + " " + scenario.target());
            script.add(new Scripted(scenario, benign ? "benign" : "probe"));
        }
        // A scan that varies only the query: the report counts it on one denied path.
        for (String id : List.of("1", "2'")) {
            script.add(new Scripted(new DemoScenario(DemoScenario.WWW, "GET", "/index.php?id=" + id, null, null), "probe"));
        }
        SQL_INJECTIONS.forEach(body -> script.add(new Scripted(login(body), "sqli")));
        CROSS_SITE_SCRIPTS.forEach(body -> script.add(new Scripted(login(body), "xss")));
        script.add(benign(DemoScenario.WWW, "GET", "/robots.txt", null));
        return script;
    }

    private static Scripted benign(String workload, String method, String target, String body) {
        return new Scripted(new DemoScenario(workload, method, target, body, null), "benign");
    }

    private static DemoScenario login(String body) {
        return new DemoScenario(DemoScenario.WWW, "POST", "/login.php", body, null);
    }

    /** How many requests of a kind were sent. */
    long count(String kind) {
        return sent.stream().filter(request -> request.kind().equals(kind)).count();
    }

    /** How many responses had this status. */
    long withStatus(int status) {
        return sent.stream().filter(request -> request.status() == status).count();
    }

    long toWorkload(String workload) {
        return sent.stream().filter(request -> request.scenario().workload().equals(workload)).count();
    }
}
