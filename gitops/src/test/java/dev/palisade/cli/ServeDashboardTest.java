package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.cli.demo.DemoClient;
import dev.palisade.cli.demo.DemoScenario;
import dev.palisade.proxy.demo.DemoUpstream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade serve --admin … --dashboard} as a user starts it, in this JVM on free ports of
 * 127.0.0.1: the requests sent through the proxy are the counts of its {@code /dashboard} page,
 * so the command feeds the decision lines it writes to the window the page is drawn from.
 */
class ServeDashboardTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ADDRESSES = Pattern.compile(
            "proxying 127\\.0\\.0\\.1:(\\d+) -> .*, admin on 127\\.0\\.0\\.1:(\\d+) \\(live view at /dashboard\\)");

    @Test
    void theDashboardCountsTheRequestsTheProxyServed(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("www.pal"), "policy www {\n    selector 'app == \"www\"'\n"
                + "    alp {\n        allow GET path exact \"/\"\n    }\n}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (DemoUpstream upstream = DemoUpstream.start()) {
            Thread serve = new Thread(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "serve",
                    "--policies", directory.toString(), "--upstream", "http://127.0.0.1:" + upstream.address().getPort(),
                    "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--dashboard", "--no-watch",
                    "--workload-labels", "app=www"), "palisade-serve-under-test");
            serve.start();
            try {
                Matcher ports = awaitAddresses(err);
                InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", Integer.parseInt(ports.group(1)));
                InetSocketAddress admin = new InetSocketAddress("127.0.0.1", Integer.parseInt(ports.group(2)));
                for (String target : new String[] {"/", "/", "/admin", "/.git/HEAD", "/admin?id=2"}) {
                    DemoClient.exchange(proxy, new DemoScenario("www", "GET", target, null, null), TIMEOUT);
                }
                Map<String, Long> expected = Map.of("allowed", 2L, "alp", 3L);
                Map<String, Long> outcomes = Map.of();
                JsonNode data = null;
                // A decision line is written once its response is relayed: wait for the last one to reach the window.
                for (long deadline = System.nanoTime() + TIMEOUT.toNanos(); !outcomes.equals(expected)
                        && System.nanoTime() < deadline; Thread.sleep(50)) {
                    data = pageData(admin);
                    outcomes = sum(data, "outcomes");
                }
                assertEquals(expected, outcomes, () -> "the page's counts; serve said:\n" + err);
                assertEquals(Map.of("/admin", 2L, "/.git/HEAD", 1L), sum(data, "deniedPaths"));
                assertTrue(data.get("source").asText().startsWith("palisade serve on 127.0.0.1:"), data::toString);
            } finally {
                serve.interrupt(); // serve waits for its listener to close; the interrupt ends the wait, closing all
                serve.join(TIMEOUT.toMillis());
            }
            assertFalse(serve.isAlive(), "palisade serve stopped, its ports closed");
        }
    }

    private static Matcher awaitAddresses(StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = ADDRESSES.matcher(err.toString());
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("palisade serve did not say where it listens:\n" + err);
    }

    /**
     * The JSON the page embeds for its script, as the browser's JSON.parse reads it. Fetched on a
     * connection of its own that the client closes, so none is left open on the admin port.
     */
    private static JsonNode pageData(InetSocketAddress admin) throws Exception {
        DemoClient.Response page = DemoClient.exchange(admin, new DemoScenario("www", "GET", "/dashboard", null, null),
                TIMEOUT);
        assertEquals(200, page.status(), page::body);
        String marker = "id=\"report-data\">";
        String body = page.body();
        int start = body.indexOf(marker) + marker.length();
        return new ObjectMapper().readTree(body.substring(start, body.indexOf("</script>", start)));
    }

    /** One of the groups' count maps, added up over every group. */
    private static Map<String, Long> sum(JsonNode data, String field) {
        Map<String, Long> total = new TreeMap<>();
        for (JsonNode group : data.get("groups")) {
            group.get(field).fields().forEachRemaining(count -> total.merge(count.getKey(), count.getValue().asLong(), Long::sum));
        }
        return total;
    }
}
