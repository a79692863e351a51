package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and ambiguous HTTP sent byte for byte: each gets its 4xx, the connection is closed
 * (what follows might be a smuggled request), and nothing reaches the upstream. Every request
 * targets {@code /}, which the policy allows, so only the guards can stop them.
 */
@Timeout(30)
class HostileInputTest {
    private static RecordingUpstream upstream;
    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        upstream = new RecordingUpstream();
        proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        proxy.close();
        upstream.close();
        LeakTracker.assertNoLeaks();
    }

    static Stream<Arguments> hostile() {
        String smuggled = "GET /?smuggled HTTP/1.1\r\nHost: test\r\n\r\n";
        return Stream.of(
                Arguments.of("a fragment in the request-target (RFC 9112 §3.2)", 400,
                        "GET /robots.txt#/../passwords HTTP/1.1\r\nHost: test\r\n\r\n"),
                Arguments.of("CL and TE together (RFC 9112 §6.3)", 400,
                        "GET /?a HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "0\r\n\r\n" + smuggled),
                Arguments.of("TE and CL together, other order", 400,
                        "GET /?b HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\nContent-Length: 40\r\n\r\n"
                                + "0\r\n\r\n" + smuggled),
                Arguments.of("two different Content-Length", 400,
                        "GET /?c HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\nContent-Length: 41\r\n\r\n"
                                + smuggled),
                Arguments.of("two equal Content-Length", 400,
                        "GET /?d HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of("bad chunk size", 400,
                        "GET /?e HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("Transfer-Encoding other than chunked", 400,
                        "GET /?f HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + smuggled),
                Arguments.of("chunked not the only coding", 400,
                        "GET /?g HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                Arguments.of("header name with an invalid character", 400,
                        "GET /?h HTTP/1.1\r\nHost: test\r\nBad Name: x\r\n\r\n"),
                Arguments.of("header name with a control character", 400,
                        "GET /?i HTTP/1.1\r\nHost: test\r\nX-\u0001: x\r\n\r\n"),
                Arguments.of("invalid request line", 400, "GET /?j HTTP/1.1 extra\r\nHost: test\r\n\r\n"),
                Arguments.of("HTTP/1.1 without Host", 400, "GET /?k HTTP/1.1\r\n\r\n"),
                Arguments.of("two Host fields", 400, "GET /?l HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                Arguments.of("Transfer-Encoding in HTTP/1.0", 400,
                        "GET /?m HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                Arguments.of("request line too long", 414,
                        "GET /?n" + "a".repeat(ProxyConfig.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: test\r\n\r\n"),
                Arguments.of("header fields too large", 431,
                        "GET /?o HTTP/1.1\r\nHost: test\r\nX-Big: " + "a".repeat(ProxyConfig.MAX_HEADER_BYTES)
                                + "\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("hostile")
    void isRejectedClosedAndNeverForwarded(String what, int status, String bytes) throws Exception {
        try (RawHttp http = new RawHttp(proxy.address())) {
            http.send(bytes);
            RawHttp.Response response = http.read();
            assertEquals(status, response.status(), what);
            assertEquals("close", response.header("Connection"), what);
            assertTrue(http.closedByServer(), what + ": the connection must be closed");
        }
        String query = bytes.substring(5, 7);
        assertTrue(upstream.seen().stream().noneMatch(seen -> seen.target().startsWith("/" + query)
                        || seen.target().contains("smuggled")),
                what + ": the upstream saw " + upstream.seen());
    }
}
