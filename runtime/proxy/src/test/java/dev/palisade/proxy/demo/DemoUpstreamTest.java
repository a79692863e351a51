package dev.palisade.proxy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class DemoUpstreamTest {
    static {
        // Before any buffer class loads, so that leak reports become failures.
        LeakTracker.install();
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    /** Whatever the proxy forwards is answered 200, naming the target exactly as sent. */
    @ParameterizedTest
    @CsvSource({"GET, /robots.txt", "GET, //passwords", "GET, /robots.txt/..;/passwords", "OPTIONS, /productpage",
        "DELETE, /%2e%2e/passwords"})
    void answersEveryTarget(String method, String target) throws Exception {
        try (DemoUpstream upstream = DemoUpstream.start()) {
            RawHttp.Response response = RawHttp.exchange(upstream.address(), method, target);
            assertEquals(200, response.status());
            assertEquals(DemoUpstream.answer(method, target), response.text());
        }
    }
}
