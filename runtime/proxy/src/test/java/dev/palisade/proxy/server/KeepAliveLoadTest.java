package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.proxy.testing.EchoUpstream;
import dev.palisade.proxy.testing.KeepAliveClient;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load: 50,000 requests over 64 keep-alive connections, each carrying a random token
 * in a header and in its body, which the upstream echoes. No request may fail and every response
 * must carry its own request's token (a response given to the wrong request, or the pool handing
 * one upstream connection to two clients, would show as a mismatch). About 20 s on the 2-core
 * machine the suite runs on, with paranoid leak detection; the count is what is asserted, never
 * the time.
 */
@Timeout(300)
class KeepAliveLoadTest {
    private static final int CONNECTIONS = 64;
    private static final int REQUESTS = 50_000;

    @TempDir
    static Path policies;
    private static EchoUpstream upstream;
    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        upstream = new EchoUpstream();
        proxy = new ProxyFixture(upstream.address(), NothingLostTest.BULK,
                ProxyFixture.compile(policies, NothingLostTest.BULK, NothingLostTest.ALLOW_ECHO), config -> config);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        proxy.close();
        upstream.close();
        LeakTracker.assertNoLeaks();
    }

    @Test
    void everyRequestGetsItsOwnAnswerAndNoneFails() throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger matched = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                running.add(clients.submit(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(proxy.address())) {
                        for (int index = next.getAndIncrement(); index < REQUESTS; index = next.getAndIncrement()) {
                            String token = index + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
                            RawHttp.Response response = client.exchange("POST", "/echo/" + index,
                                    token.getBytes(StandardCharsets.US_ASCII), "X-Token: " + token);
                            if (response.status() == 200 && token.equals(response.header("X-Token"))
                                    && token.equals(response.text())) {
                                matched.incrementAndGet();
                            } else {
                                failures.add("request " + index + " (token " + token + "): " + response.status() + " "
                                        + response.header("X-Token") + " " + response.text());
                            }
                        }
                    } catch (Exception failed) {
                        failures.add("a connection failed: " + failed);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " requests went wrong");
        assertEquals(REQUESTS, matched.get());
        assertEquals(REQUESTS, upstream.requests(), "each request reached the upstream exactly once");
    }
}
