package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that stops half-way through its request is disconnected, and nothing is forwarded. */
@Timeout(30)
class SlowClientTest {

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @Test
    void aRequestLeftHalfWrittenIsClosedAfterTheIdleTimeout() throws Exception {
        try (RecordingUpstream upstream = new RecordingUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW,
                        config -> config.withIdleTimeout(Duration.ofMillis(200)));
                RawHttp http = new RawHttp(proxy.address())) {
            http.send("GET / HTTP/1.1\r\nHost: test\r\nX-Slow: ");
            assertTrue(http.closedByServer(), "still open after the idle timeout");
            assertTrue(upstream.seen().isEmpty());
        }
    }
}
