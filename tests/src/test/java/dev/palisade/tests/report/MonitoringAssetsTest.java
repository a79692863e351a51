package dev.palisade.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.demo.DemoUpstream;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.server.ProxyConfig;
import dev.palisade.proxy.server.ProxyServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the PrometheusRule under {@code gitops/} parse, and every metric and
 * label they query is one a running proxy exports: the names are scraped from {@code /metrics},
 * not listed here, so renaming a metric in the runtime fails this test.
 */
class MonitoringAssetsTest {
    private static final Path DASHBOARD = Path.of("gitops/grafana/palisade-dashboard.json");
    private static final Path RULES = Path.of("gitops/prometheus/palisade-rules.yaml");
    private static final Pattern METRIC = Pattern.compile("\\bpalisade_[a-z0-9_]+");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");
    /** Added by Prometheus' Kubernetes service discovery, not by the runtime; {@code le} is the histogram's. */
    private static final Set<String> SCRAPE_LABELS = Set.of("namespace", "pod", "instance", "job", "le");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Set<String> exportedMetrics = new TreeSet<>();
    private static final Set<String> exportedLabels = new TreeSet<>();

    /** Runs the example policies behind the inline proxy, sends a few requests and scrapes the admin port. */
    @BeforeAll
    static void scrapeARunningProxy() throws Exception {
        Workload www = new Workload(Map.of("app", "www"), "default");
        BundleCompiler.Outcome compiled = new BundleCompiler(ScriptedAttackRun.POLICIES, www).compile();
        assertTrue(compiled.bundle().isPresent(), compiled::problems);
        PolicyBundle loaded = compiled.bundle().get();
        PolicyHolder holder = new PolicyHolder();
        holder.swap(loaded.withSelection(loaded.policy().select(www)));
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        String scrape;
        try (DemoUpstream upstream = DemoUpstream.start()) {
            ProxyConfig config = new ProxyConfig(loopback, upstream.address(), loopback, www,
                    ProxyConfig.DEFAULT_REQUEST_BODY_LIMIT, TIMEOUT, TIMEOUT, TIMEOUT);
            ProxyServer server = ProxyServer.start(config, holder, RequestInspection.alpThenWaf(), new DecisionLog(line -> {}));
            try {
                // Series of counters with labels appear with their first request: an allowed, a denied, a refused one.
                send(server.listenAddress(), "GET /robots.txt HTTP/1.1\r\nHost: www\r\nConnection: close\r\n\r\n");
                send(server.listenAddress(), "GET /.git/HEAD HTTP/1.1\r\nHost: www\r\nConnection: close\r\n\r\n");
                send(server.listenAddress(), "GET /robots.txt#x HTTP/1.1\r\nHost: www\r\nConnection: close\r\n\r\n");
                scrape = scrapeWhenCounted(server.adminAddress().orElseThrow());
            } finally {
                server.close();
            }
        }
        for (String line : scrape.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int labels = line.indexOf('{');
            int end = labels >= 0 ? labels : line.indexOf(' ');
            exportedMetrics.add(line.substring(0, end));
            if (labels >= 0) {
                Matcher label = MATCHER.matcher(line.substring(labels, line.indexOf('}')));
                while (label.find()) {
                    exportedLabels.add(label.group(1));
                }
            }
        }
    }

    private static void send(InetSocketAddress address, String request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
    }

    /** The allowed request is counted once its response is relayed, which may be just after the client read it. */
    private static String scrapeWhenCounted(InetSocketAddress admin) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.getPort() + "/metrics"))
                .timeout(TIMEOUT).build();
        String body = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("palisade_requests_total{action=\"allow\"")
                    && body.contains("palisade_requests_total{action=\"deny\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the requests were never counted:\n" + body);
    }

    @Test
    void theDashboardQueriesOnlyWhatTheRuntimeExports() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertEquals("palisade-overview", dashboard.path("uid").asText());
        List<String> queries = new ArrayList<>();
        collectQueries(dashboard, queries);
        for (JsonNode panel : dashboard.path("panels")) {
            assertFalse(panel.path("targets").isEmpty(), () -> "panel without a query: " + panel.path("title"));
        }
        assertQueriesExported(queries, DASHBOARD);
    }

    @Test
    void theRulesAlertOnBlockedRateReloadFailuresAndLatencyWithExportedMetrics() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RULES));
        assertEquals("monitoring.coreos.com/v1", rules.path("apiVersion").asText());
        assertEquals("PrometheusRule", rules.path("kind").asText());
        Set<String> alerts = new TreeSet<>();
        Set<String> recorded = new TreeSet<>();
        List<String> queries = new ArrayList<>();
        for (JsonNode group : rules.path("spec").path("groups")) {
            assertTrue(group.path("name").isTextual(), "every group is named");
            for (JsonNode rule : group.path("rules")) {
                assertTrue(rule.path("expr").isTextual() && !rule.path("expr").asText().isBlank(), rule::toString);
                queries.add(rule.path("expr").asText());
                if (rule.has("alert")) {
                    alerts.add(rule.path("alert").asText());
                    assertTrue(rule.path("labels").path("severity").isTextual(), () -> "no severity: " + rule);
                    assertTrue(rule.path("annotations").path("summary").isTextual(), () -> "no summary: " + rule);
                } else {
                    assertTrue(rule.path("record").asText().matches("palisade:[a-z0-9_]+:[a-z0-9_]+"), rule::toString);
                    recorded.add(rule.path("record").asText());
                }
            }
        }
        assertTrue(alerts.containsAll(Set.of("PalisadeBlockedRateSpike", "PalisadeReloadFailed", "PalisadeHighLatencyP99")),
                alerts::toString);
        for (String query : queries) {
            Matcher record = Pattern.compile("palisade:[a-z0-9_]+:[a-z0-9_]+").matcher(query);
            while (record.find()) {
                assertTrue(recorded.contains(record.group()), () -> "not recorded in the file: " + record.group());
            }
        }
        assertQueriesExported(queries, RULES);
    }

    /** Every PromQL text: targets' and annotations' {@code expr}, query variables' {@code query}/{@code definition}. */
    private static void collectQueries(JsonNode node, List<String> queries) {
        if ("datasource".equals(node.path("type").asText()) && node.has("name")) {
            return; // the datasource variable's query is a plugin id, not PromQL
        }
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && Set.of("expr", "query", "definition").contains(field.getKey())) {
                queries.add(field.getValue().asText());
            } else {
                collectQueries(field.getValue(), queries);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collectQueries(element, queries));
        }
    }

    private static void assertQueriesExported(List<String> queries, Path file) {
        assertFalse(queries.isEmpty(), () -> "no queries in " + file);
        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            boolean any = false;
            while (metric.find()) {
                any = true;
                assertTrue(exportedMetrics.contains(metric.group()), () -> file + ": " + metric.group()
                        + " is not exported; /metrics has " + exportedMetrics);
            }
            assertTrue(any || query.contains("palisade:"), () -> file + ": queries no Palisade metric: " + query);
            Set<String> labels = new TreeSet<>();
            Matcher grouping = GROUPING.matcher(query);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    labels.add(label.trim());
                }
            }
            Matcher matcher = MATCHER.matcher(query);
            while (matcher.find()) {
                labels.add(matcher.group(1));
            }
            labels.removeAll(SCRAPE_LABELS);
            assertTrue(exportedLabels.containsAll(labels), () -> file + ": labels " + labels + " in " + query
                    + " are not all exported; /metrics has " + exportedLabels);
        }
    }
}
