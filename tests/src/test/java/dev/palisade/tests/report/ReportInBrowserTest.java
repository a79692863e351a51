package dev.palisade.tests.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.cli.Main;
import dev.palisade.cli.demo.DemoScenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade report} on the logs of a scripted attack, opened in headless Chromium: every
 * chart and table shows the counts of the requests actually sent, read from the rendered page.
 * The log, the report and a screenshot stay in {@code tests/target/report/}.
 */
class ReportInBrowserTest {
    private static final Path ARTIFACTS = Path.of("tests/target/report");
    private static ScriptedAttackRun run;
    private static Path page;
    private static String cliOut;

    @BeforeAll
    static void attackThenReport() throws Exception {
        run = ScriptedAttackRun.run();
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("scripted-attack.log");
        // A collector's own lines are mixed into real logs; the report must skip them, not stop.
        Files.writeString(log, "starting palisade serve\n" + String.join("\n", run.logLines) + "\n{\"truncated\n");
        page = ARTIFACTS.resolve("report.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "report", log.toString(), "-o",
                page.toString());
        assertEquals(0, code, () -> out + "\n" + err);
        cliOut = out.toString();
        assertTrue(err.toString().contains("scripted-attack.log:1: not JSON"), err::toString);
    }

    /** The search service's requests beyond its log's quota: counted only by its summary line. */
    private static long notLogged() {
        return run.count("lfi-detected") - ScriptedAttackRun.SEARCH_LOGGED;
    }

    @Test
    void theCommandSummarisesWhatItRead() {
        long denied = run.count("probe");
        long blocked = run.count("sqli") + run.count("xss");
        assertTrue(cliOut.startsWith("palisade report: " + (run.sent.size() - notLogged()) + " requests logged ("
                + run.count("benign") + " allowed, " + ScriptedAttackRun.SEARCH_LOGGED + " detected only, "), cliOut);
        assertTrue(cliOut.contains(denied + " denied by ALP, " + blocked + " blocked by the WAF, 0 rejected"), cliOut);
        assertTrue(cliOut.contains(notLogged() + " requests not logged individually, 2 lines skipped; wrote "), cliOut);
    }

    @Test
    void everyChartShowsTheCountsOfTheRequestsSent() throws Exception {
        HeadlessChromium.assumeInstalled();
        RenderedPage rendered = open("");

        long probes = run.count("probe");
        long sqli = run.count("sqli");
        long xss = run.count("xss");
        long logged = run.sent.size() - notLogged();
        // Every probe and every attack on www was refused: the report's 403s are exactly those.
        assertEquals(probes + sqli + xss, run.withStatus(403), "the policies refuse every probe and attack");
        assertEquals(run.withStatus(403), rendered.number("status-403"));
        assertEquals(run.withStatus(200) - notLogged(), rendered.number("status-200"), "the logged 200s");
        assertEquals(Map.of("403", run.withStatus(403), "200", run.withStatus(200) - notLogged()),
                rendered.countsBy("status-slice", "data-status"), "the pie's slices");

        assertEquals(logged, rendered.number("total-requests"));
        assertEquals(probes, rendered.number("total-alp"));
        assertEquals(sqli + xss, rendered.number("total-waf"));
        assertEquals(run.count("benign"), rendered.number("total-allowed"));
        assertEquals(ScriptedAttackRun.SEARCH_LOGGED, rendered.number("total-detected"), "detection mode forwards");
        assertEquals(notLogged(), rendered.number("total-not-logged"));
        assertTrue(rendered.dom().contains(notLogged() + " requests not logged individually"), "said in words too");
        Map<String, Long> overTime = rendered.countsBy("timeline-bar", "data-outcome");
        for (String outcome : new String[] {"allowed", "detected", "alp", "waf"}) {
            assertEquals(rendered.number("total-" + outcome), overTime.getOrDefault(outcome, 0L),
                    "the bars over time add up to the total " + outcome);
        }

        assertEquals(sqli, rendered.number("attack-sqli"));
        assertEquals(xss, rendered.number("attack-xss"));
        assertEquals(Map.of("sqli", sqli, "xss", xss, "lfi", (long) ScriptedAttackRun.SEARCH_LOGGED),
                rendered.countsBy("attack-bar", "data-type"),
                "the attacks chart: one bar per type sent, none for the anomaly score rule");
        // Every request over the anomaly threshold fires 949110: those blocked, and in detection mode those logged.
        assertEquals(sqli + xss + ScriptedAttackRun.SEARCH_LOGGED, rendered.byKey("rule").get("949110"));

        // By path: the probes that differ only in their query add up on one row.
        Map<String, Long> probedPaths = run.sent.stream().filter(ReportInBrowserTest::refused)
                .collect(Collectors.groupingBy(sent -> sent.scenario().target().replaceFirst("[?#].*", ""),
                        Collectors.counting()));
        assertEquals(probedPaths, rendered.byKey("denied-path"), "what the scan probed, and the attacks' target");
        assertEquals(1L, rendered.byKey("denied-path").get("/.git/HEAD"));
        assertEquals(2L, rendered.byKey("denied-path").get("/index.php"), "the scan varying the query, on one row");
        assertEquals(List.of("e.g. /index.php?id=1"), rendered.all("denied-path-example").stream()
                .map(RenderedPage.Element::text).toList(), "with one of its targets; the paths probed bare have none");
        Map<String, Long> deniedMethods = run.sent.stream().filter(ReportInBrowserTest::refused)
                .collect(Collectors.groupingBy(sent -> sent.scenario().method(), Collectors.counting()));
        assertEquals(deniedMethods, rendered.byKey("denied-method"));

        assertEquals(Map.of("127.0.0.1", logged), rendered.byKey("source"));
        assertEquals(run.withStatus(403), rendered.byKey("source-blocked").get("127.0.0.1"));

        long www = run.toWorkload(DemoScenario.WWW);
        long wwwBlocked = run.sent.stream().filter(sent -> sent.scenario().workload().equals(DemoScenario.WWW)
                && sent.status() == 403).count();
        assertEquals(www, rendered.number("service-www-default-requests"));
        assertEquals(wwwBlocked, rendered.number("service-www-default-blocked"));
        assertEquals(www - wwwBlocked, rendered.number("service-www-default-passthrough"));
        assertEquals(run.toWorkload(DemoScenario.PRODUCTPAGE), rendered.number("service-productpage-bookinfo-requests"));
        assertEquals(ScriptedAttackRun.SEARCH_LOGGED, rendered.number("service-search-shop-passthrough"));
        assertEquals("0.0%", rendered.one("service-search-shop-blocked-share").text());
    }

    private static boolean refused(ScriptedAttackRun.Sent sent) {
        return Set.of("probe", "sqli", "xss").contains(sent.kind());
    }

    @Test
    void aLinkWithAServiceShowsOnlyThatService() throws Exception {
        HeadlessChromium.assumeInstalled();
        RenderedPage rendered = open("#service=productpage");
        long productpage = run.toWorkload(DemoScenario.PRODUCTPAGE);
        long productpage403 = run.sent.stream().filter(sent -> sent.scenario().workload().equals(DemoScenario.PRODUCTPAGE)
                && sent.status() == 403).count();
        assertEquals(productpage, rendered.number("total-requests"));
        assertEquals(productpage403, rendered.number("status-403"));
        assertEquals(0, rendered.number("total-waf"), "no attack was sent to the product page");
        assertEquals(0, rendered.number("total-not-logged"), "summary lines name no service: left out");
        assertEquals(List.of(), rendered.all("service-www-default-requests"));
    }

    @Test
    void aLinkWithANamespaceShowsOnlyThatNamespace() throws Exception {
        HeadlessChromium.assumeInstalled();
        RenderedPage rendered = open("#namespace=shop");
        assertEquals(ScriptedAttackRun.SEARCH_LOGGED, rendered.number("total-requests"));
        assertEquals(ScriptedAttackRun.SEARCH_LOGGED, rendered.number("total-detected"));
        assertEquals(Map.of("lfi", (long) ScriptedAttackRun.SEARCH_LOGGED), rendered.countsBy("attack-bar", "data-type"));
    }

    @Test
    void aLinkWithATimeRangeShowsOnlyThatRange(@TempDir Path directory) throws Exception {
        HeadlessChromium.assumeInstalled();
        // Two minutes of lines: five-second buckets, and buckets 0 to 6 hold 17:00:00 to 17:00:34.
        Path report = report(directory, "range", List.of(
                denial("2026-11-24T17:00:00Z", "/a"), denial("2026-11-24T17:00:34Z", "/b"),
                denial("2026-11-24T17:00:35Z", "/c"), denial("2026-11-24T17:02:00Z", "/d")));
        RenderedPage rendered = open(report, "#from=0&until=6");
        assertEquals(2, rendered.number("total-requests"));
        assertEquals(Map.of("/a", 1L, "/b", 1L), rendered.byKey("denied-path"));
        assertEquals(4, open(report, "").number("total-requests"));
    }

    private static ObjectNode denial(String timestamp, String path) {
        return new ObjectMapper().createObjectNode().put("timestamp", timestamp).put("type", "alp")
                .put("source_ip", "10.9.8.7").put("dest_service", "www").put("dest_namespace", "default")
                .put("method", "GET").put("path", path).put("status", 403).put("action", "deny").put("denied_by", "alp");
    }

    /** The report of these log lines, written by the CLI. */
    private static Path report(Path directory, String name, List<ObjectNode> lines) throws Exception {
        StringBuilder log = new StringBuilder();
        for (ObjectNode line : lines) {
            log.append(new ObjectMapper().writeValueAsString(line)).append('\n');
        }
        Path logFile = Files.writeString(directory.resolve(name + ".log"), log);
        Path html = directory.resolve(name + ".html");
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "report",
                logFile.toString(), "-o", html.toString()));
        return html;
    }

    private static RenderedPage open(String fragment) throws Exception {
        return open(page, fragment);
    }

    /** The page after its script ran, which must have finished and logged nothing to the console. */
    private static RenderedPage open(Path report, String fragment) throws Exception {
        HeadlessChromium.Run chromium = HeadlessChromium.dumpDom(report, fragment);
        assertEquals(List.of(), chromium.consoleMessages(), "console messages (script errors, CSP violations)");
        RenderedPage rendered = new RenderedPage(chromium.dom());
        assertEquals("rendered", rendered.one("render-status").text());
        return rendered;
    }

    /** Each attack type the page names, and a rule that means it: by its CRS family, or by its tag. */
    private static final Map<String, FiredBy> ATTACKS = new TreeMap<>(Map.ofEntries(
            Map.entry("sqli", new FiredBy(942100, null)), Map.entry("xss", new FiredBy(941100, null)),
            Map.entry("lfi", new FiredBy(930100, null)), Map.entry("rfi", new FiredBy(931100, null)),
            Map.entry("rce", new FiredBy(932100, null)), Map.entry("php", new FiredBy(933100, null)),
            Map.entry("nodejs", new FiredBy(934100, null)), Map.entry("java", new FiredBy(944100, null)),
            Map.entry("fixation", new FiredBy(943100, null)), Map.entry("protocol", new FiredBy(920100, null)),
            Map.entry("scanner", new FiredBy(913100, null)), Map.entry("reputation", new FiredBy(910100, null)),
            Map.entry("dos", new FiredBy(912100, null)), Map.entry("disclosure", new FiredBy(950100, null)),
            Map.entry("generic", new FiredBy(1001, "attack-generic"))));

    private record FiredBy(long rule, String tag) {}

    @Test
    void everyAttackTypeAndEveryTimeBucketIsDrawn(@TempDir Path directory) throws Exception {
        HeadlessChromium.assumeInstalled();
        // One blocked request per type, 40 s apart: nine minutes and more, so ten-second buckets, one per request.
        List<ObjectNode> lines = new ArrayList<>();
        Map<String, Long> perBucket = new TreeMap<>();
        Instant start = Instant.parse("2026-11-24T17:00:00Z");
        int i = 0;
        for (Map.Entry<String, FiredBy> attack : ATTACKS.entrySet()) {
            Instant at = start.plusSeconds(40L * i++);
            ObjectNode line = denial(at.toString(), "/" + attack.getKey()).put("denied_by", "waf");
            ObjectNode rule = line.putArray("waf").addObject().put("id", attack.getValue().rule()).put("disruptive", false);
            if (attack.getValue().tag() != null) {
                rule.putArray("tags").add(attack.getValue().tag());
            }
            // The anomaly score rule fires with every one of them; it is no attack type of its own.
            line.withArray("waf").addObject().put("id", 949110).put("disruptive", true).putArray("tags").add("attack-generic");
            lines.add(line);
            perBucket.merge(at.toString(), 1L, Long::sum);
        }
        // Allowed requests in the first and the last bucket, five seconds into each.
        Instant last = start.plusSeconds(40L * (ATTACKS.size() - 1));
        for (Instant bucket : List.of(start, last)) {
            lines.add(denial(bucket.plusSeconds(5).toString(), "/").put("status", 200).put("action", "allow")
                    .put("denied_by", (String) null));
            perBucket.merge(bucket.toString(), 1L, Long::sum);
        }
        RenderedPage rendered = open(report(directory, "attacks", lines), "");

        Map<String, Long> onePerType = new TreeMap<>();
        ATTACKS.keySet().forEach(type -> onePerType.put(type, 1L));
        assertEquals(onePerType, new TreeMap<>(rendered.countsBy("attack-bar", "data-type")),
                "a bar for each type, the anomaly score rule in none");
        for (String type : ATTACKS.keySet()) {
            assertEquals(1, rendered.number("attack-" + type), type);
        }
        assertEquals(perBucket, new TreeMap<>(rendered.countsBy("timeline-bar", "data-bucket")),
                "each request in the bar of its ten seconds");
        assertEquals(Map.of("waf", (long) ATTACKS.size(), "allowed", 2L),
                rendered.countsBy("timeline-bar", "data-outcome"));
        assertEquals(ATTACKS.size(), rendered.byKey("rule").get("949110"));
    }

    @Test
    void aLogWithNoDecisionsGivesAnEmptyPageWithoutErrors(@TempDir Path directory) throws Exception {
        HeadlessChromium.assumeInstalled();
        RenderedPage rendered = open(report(directory, "empty", List.of()), "");
        assertEquals(0, rendered.number("total-requests"));
        assertEquals(List.of(), rendered.all("timeline-bar"));
        assertTrue(rendered.dom().contains("nothing in this selection"));
    }

    @Test
    void hostilePathsInTheLogStayText(@TempDir Path directory) throws Exception {
        HeadlessChromium.assumeInstalled();
        // The template's placeholders too: filled one after another, they pasted the stylesheet into the data.
        List<String> hostile = List.of("/</script><script>console.error('script ran')</script>",
                "/<img src=x onerror=\"console.error('handler ran')\">", "/&lt;b&gt;&amp;", "/*REPORT_CSS*/",
                "/*REPORT_DATA*/", "/*REPORT_JS*/", "/*SCRIPT_HASH*/");
        List<ObjectNode> lines = hostile.stream().map(path -> denial("2026-11-24T17:00:00Z", path)).toList();
        // An injected script or handler would log, and the page's CSP would log refusing it: either fails open().
        RenderedPage rendered = open(report(directory, "hostile", lines), "");
        assertEquals(hostile.stream().collect(Collectors.toMap(path -> path, path -> 1L)), rendered.byKey("denied-path"),
                "each path shown as the text it was");
    }

    @Test
    void aScreenshotIsKeptAsABuildArtifact() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path png = ARTIFACTS.resolve("report.png");
        Files.deleteIfExists(png);
        HeadlessChromium.Run chromium = HeadlessChromium.screenshot(page, png);
        assertTrue(Files.isRegularFile(png), () -> "no screenshot; Chromium said:\n" + chromium.log());
        byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
    }
}
