package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.palisade.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade serve} as users run it: its own process, a real upstream and real requests on
 * 127.0.0.1, then SIGTERM. Every decision is on stdout, one JSON line each, including those still
 * queued for the log's writer thread when the signal came.
 */
class ServeProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDecisionReachesStdoutAndSigtermEndsTheProcessCleanly(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("site.pal"), "policy site {\n    selector 'app == \"site\"'\n"
                + "    alp {\n        allow GET path exact \"/\"\n    }\n}\n");
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        int port = freePort();
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--policies", directory.toString(), "--listen", "127.0.0.1:" + port,
                "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(),
                "--workload-labels", "app=site", "--no-watch").start();
        try {
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(serve));
            BufferedReader stderr = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
            for (String line = stderr.readLine(); line == null || !line.contains("palisade: proxying"); line = stderr.readLine()) {
                assertTrue(line != null, "serve ended before it listened");
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + (i % 2 == 0 ? "/" : "/admin")))
                        .timeout(Duration.ofSeconds(10)).build();
                statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            assertEquals(20, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(20, statuses.stream().filter(s -> s == 403).count(), statuses::toString);

            serve.destroy(); // SIGTERM
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve ends on SIGTERM");
            List<JsonNode> decisions = new ArrayList<>();
            for (String line : stdout.get(10, TimeUnit.SECONDS).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = JSON.readTree(line);
                if (json.path("type").asText().equals("alp")) {
                    decisions.add(json);
                }
            }
            assertEquals(40, decisions.size(), "one line per request");
            assertEquals(20, decisions.stream().filter(d -> d.path("action").asText().equals("allow")).count());
            assertEquals(20, decisions.stream().filter(d -> d.path("action").asText().equals("deny")).count());
        } finally {
            serve.destroyForcibly();
            upstream.stop(0);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
