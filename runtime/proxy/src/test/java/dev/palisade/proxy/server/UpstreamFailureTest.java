package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a client sees when the upstream is down or silent, and a second workload's policy. */
@Timeout(30)
class UpstreamFailureTest {

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @Test
    void anUpstreamThatRefusesConnectionsGives502() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) socket.getLocalSocketAddress();
        }
        try (ProxyFixture proxy = new ProxyFixture(closed, ProxyFixture.WWW)) {
            RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", "/");
            assertEquals(502, response.status());
            assertTrue(response.text().startsWith("Bad Gateway"), response.text());
            assertTrue(response.text().contains(response.header("X-Request-Id")));
        }
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeGives504() throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), ProxyFixture.PRODUCTPAGE,
                        config -> config.withUpstreamResponseTimeout(Duration.ofMillis(300)))) {
            RawHttp.Response response = RawHttp.exchange(proxy.address(), "GET", "/productpage/hang");
            assertEquals(504, response.status());
        }
    }

    /** An upstream on a raw socket that answers one request with exactly these bytes. */
    private static RawHttp.Response throughRawUpstream(String answer) throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            upstream.setSoTimeout(10_000);
            Thread answering = new Thread(() -> {
                try (Socket socket = upstream.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    socket.getInputStream().read();
                } catch (IOException ignored) {
                    // the caller's assertion fails on its own if the exchange did not happen
                }
            });
            answering.start();
            RawHttp.Response response;
            try (ProxyFixture proxy = new ProxyFixture((InetSocketAddress) upstream.getLocalSocketAddress(),
                    ProxyFixture.WWW)) {
                response = RawHttp.exchange(proxy.address(), "GET", "/");
            }
            // A clean response leaves the upstream connection pooled: closing the proxy ends it.
            answering.join(10_000);
            return response;
        }
    }

    @Test
    void aMalformedUpstreamResponseGives502() throws Exception {
        assertEquals(502, throughRawUpstream(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi").status());
    }

    @Test
    void interimResponsesAreDroppedAndTheFinalOneRelayed() throws Exception {
        RawHttp.Response response = throughRawUpstream("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        assertEquals(200, response.status());
        assertEquals("hi", response.text());
    }

    @Test
    void productpageServesReadsOnly() throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), ProxyFixture.PRODUCTPAGE)) {
            assertEquals(200, RawHttp.exchange(proxy.address(), "GET", "/productpage").status());
            assertEquals(403, RawHttp.exchange(proxy.address(), "OPTIONS", "/productpage").status());
            assertEquals(403, RawHttp.exchange(proxy.address(), "DELETE", "/").status());
            assertEquals(1, upstream.seen().size());
            assertEquals("GET", upstream.seen().get(0).method());
        }
    }
}
