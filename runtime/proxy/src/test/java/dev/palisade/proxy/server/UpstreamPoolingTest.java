package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UpstreamPoolingTest {
    private static final int REQUESTS = 8;

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @Test
    void sequentialRequestsReuseUpstreamConnectionsAndKeepBodiesByteExact() throws Exception {
        Random random = new Random(11);
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW);
                RawHttp http = new RawHttp(proxy.address())) {
            for (int index = 0; index < REQUESTS; index++) {
                byte[] body = new byte[index * 997];
                random.nextBytes(body);
                String target = "/robots.txt?n=" + index;
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                request.writeBytes(("GET " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(body);
                http.send(request.toByteArray());
                RawHttp.Response response = http.read();
                assertEquals(200, response.status());
                assertEquals("upstream saw " + target, response.text());
                RecordingUpstream.Seen seen = upstream.seen().stream()
                        .filter(request2 -> request2.target().equals(target)).findFirst().orElseThrow();
                assertArrayEquals(body, seen.body(), "request body " + index);
            }
            assertTrue(upstream.connections() < REQUESTS, REQUESTS + " requests came over "
                    + upstream.connections() + " upstream connections: none was reused");
        }
    }

    @Test
    void requestsOnSeparateClientConnectionsShareThePool() throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW)) {
            int requests = 4 * Runtime.getRuntime().availableProcessors() + REQUESTS;
            for (int index = 0; index < requests; index++) {
                RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", "/robots.txt?c=" + index);
                assertEquals(200, response.status());
                assertEquals("upstream saw /robots.txt?c=" + index, response.text());
            }
            assertTrue(upstream.connections() < requests, requests + " requests came over "
                    + upstream.connections() + " upstream connections");
        }
    }

    /**
     * An upstream that answers one request per connection and closes it when the next request
     * arrives, unanswered: the race of an idle timeout on the upstream side with the reuse. The
     * proxy sends such a request (it has no body) once more, on a new connection.
     */
    @Test
    void anUpstreamClosingAPooledConnectionDoesNotFailTheNextRequest() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerOncePerConnection(server, accepted), "one-shot-upstream");
            answering.setDaemon(true);
            answering.start();
            try (ProxyFixture proxy = new ProxyFixture((InetSocketAddress) server.getLocalSocketAddress(),
                    ProxyFixture.WWW); RawHttp http = new RawHttp(proxy.address())) {
                for (int index = 0; index < REQUESTS; index++) {
                    http.send("GET /robots.txt?s=" + index + " HTTP/1.1\r\nHost: test\r\n\r\n");
                    RawHttp.Response response = http.read();
                    assertEquals(200, response.status(), "request " + index);
                    assertEquals("one shot", response.text());
                }
            }
            assertTrue(accepted.get() >= REQUESTS, "each request needed a connection of its own");
        }
    }

    private static void answerOncePerConnection(ServerSocket server, AtomicInteger accepted) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                accepted.incrementAndGet();
                InputStream in = socket.getInputStream();
                if (!readHead(in)) {
                    continue;
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\none shot".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readHead(in); // the reuse: closed without an answer
            } catch (IOException closed) {
                // the server socket closed (the test ended), or the proxy dropped the connection
            }
        }
    }

    /** Reads up to the end of a request head (these requests have no body); false at end of stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return false;
            }
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return true;
    }
}
