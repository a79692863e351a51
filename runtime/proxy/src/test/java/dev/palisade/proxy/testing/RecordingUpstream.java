package dev.palisade.proxy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real upstream on 127.0.0.1 that records every request it receives. {@code GET} answers
 * {@code upstream saw <target>}; {@code POST} echoes the body; a target starting with
 * {@code /hang} (and any path ending in it) waits until the test ends (for timeouts).
 */
public final class RecordingUpstream implements AutoCloseable {

    /** One request as the upstream saw it. */
    public record Seen(String method, String target, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);

    public RecordingUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        connections.add(exchange.getRemoteAddress());
        // The request-target exactly as sent: getRawPath() would read "//x" as an authority.
        String target = exchange.getRequestURI().toString();
        seen.add(new Seen(exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()), body));
        if (target.startsWith("/hang") || target.endsWith("/hang")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = exchange.getRequestMethod().equals("POST") ? body
                : ("upstream saw " + target).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(answer);
            }
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** How many TCP connections the requests so far came over (distinct client addresses). */
    public int connections() {
        return connections.size();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
