package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.testing.EchoUpstream;
import dev.palisade.proxy.testing.KeepAliveClient;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: random binary bodies from 0 B to 8 MiB arrive byte for byte (SHA-256 compared)
 * in both directions, one after another over the same keep-alive client connection, through the
 * proxy to a real upstream and back.
 */
@Timeout(120)
class NothingLostTest {
    static final Workload BULK = new Workload(Map.of("app", "bulk"), "default");
    static final String ALLOW_ECHO = """
            policy bulk {
                selector 'app == "bulk"'
                alp {
                    allow GET, POST, PUT path prefix "/echo"
                }
            }
            """;
    /** Sizes that cross Netty's chunk and buffer boundaries: empty, one byte, 64 KiB, 1 MiB + odd, 8 MiB. */
    private static final int[] SIZES = {0, 1, 64 * 1024, 1024 * 1024 + 7, 8 * 1024 * 1024};
    /** High enough for the largest request body; the default 1 MiB would answer 413. */
    private static final int LIMIT = 16 * 1024 * 1024;

    @TempDir
    static Path policies;
    private static EchoUpstream upstream;
    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        upstream = new EchoUpstream();
        proxy = new ProxyFixture(upstream.address(), BULK, ProxyFixture.compile(policies, BULK, ALLOW_ECHO),
                config -> config.withRequestBodyLimit(LIMIT));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        proxy.close();
        upstream.close();
        LeakTracker.assertNoLeaks();
    }

    @Test
    void bodiesOfEverySizeArriveByteExactInBothDirectionsOverOneKeptAliveConnection() throws Exception {
        Random random = new Random(20261124);
        try (KeepAliveClient client = new KeepAliveClient(proxy.address())) {
            for (int size : SIZES) {
                // Client to upstream: the upstream reports what it received and echoes it back.
                byte[] sent = new byte[size];
                random.nextBytes(sent);
                String sentSum = EchoUpstream.sha256(sent);
                RawHttp.Response echoed = client.exchange("POST", "/echo/up", sent);
                assertEquals(200, echoed.status(), "POST of " + size + " bytes");
                assertEquals(sentSum, echoed.header("X-Received-Sha256"), "the upstream got " + size + " bytes intact");
                assertEquals(sentSum, EchoUpstream.sha256(echoed.body()), "the echo of " + size + " bytes came back intact");

                // Upstream to client: a generated body of the size asked for.
                long seed = random.nextLong();
                RawHttp.Response generated = client.exchange("GET", "/echo/down", new byte[0],
                        "X-Respond-Bytes: " + size, "X-Respond-Seed: " + seed);
                assertEquals(200, generated.status());
                assertEquals(EchoUpstream.sha256(EchoUpstream.body(seed, size)), EchoUpstream.sha256(generated.body()),
                        "a generated body of " + size + " bytes came back intact");
            }
            // Both at once, of different sizes: the largest up, an odd one down.
            byte[] up = new byte[SIZES[4]];
            random.nextBytes(up);
            RawHttp.Response both = client.exchange("PUT", "/echo/both", up,
                    "X-Respond-Bytes: " + SIZES[3], "X-Respond-Seed: 7");
            assertEquals(EchoUpstream.sha256(up), both.header("X-Received-Sha256"));
            assertEquals(EchoUpstream.sha256(EchoUpstream.body(7, SIZES[3])), EchoUpstream.sha256(both.body()));
        }
    }
}
