package dev.palisade.proxy.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service {@code palisade demo} puts behind the proxy: on 127.0.0.1, an ephemeral port,
 * answering every request 200 with a body naming what it received, so a forwarded request is
 * visibly one the upstream saw. Not a production server: the JDK's {@code HttpServer}, two
 * threads, no keep-alive tuning.
 */
public final class DemoUpstream implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private DemoUpstream(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds 127.0.0.1 on an ephemeral port and starts answering. */
    public static DemoUpstream start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "palisade-demo-upstream");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", DemoUpstream::handle);
        server.start();
        return new DemoUpstream(server, executor);
    }

    /** The body the upstream answers a request with. */
    public static String answer(String method, String target) {
        return "demo upstream saw " + method + " " + target + "\n";
    }

    private static void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        // The request-target as sent: getRawPath() would read "//x" as an authority.
        String target = exchange.getRequestURI().toString();
        byte[] body = answer(exchange.getRequestMethod(), target).getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
