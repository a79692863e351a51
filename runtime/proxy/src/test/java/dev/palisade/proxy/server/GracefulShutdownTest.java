package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.EchoUpstream;
import dev.palisade.proxy.testing.KeepAliveClient;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the proxy: the listening socket closes first (a new connection is refused), idle
 * keep-alive connections are closed, and exchanges in flight finish, their responses saying
 * {@code Connection: close}; past the drain timeout, what is still open is closed. The upstream
 * holds the in-flight requests until the test releases them, so "in flight while stopping" is a
 * fact, not a race against a sleep.
 */
@Timeout(60)
class GracefulShutdownTest {
    private static final int IN_FLIGHT = 4;

    @TempDir
    static Path policies;

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    private static ProxyFixture proxy(EchoUpstream upstream, Duration drainTimeout) throws Exception {
        return new ProxyFixture(upstream.address(), NothingLostTest.BULK,
                ProxyFixture.compile(policies, NothingLostTest.BULK, NothingLostTest.ALLOW_ECHO),
                config -> config.withDrainTimeout(drainTimeout));
    }

    @Test
    void inFlightExchangesFinishWhileNewConnectionsAreRefused() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream(); ProxyFixture proxy = proxy(upstream, Duration.ofSeconds(30));
                RawHttp idle = new RawHttp(proxy.address())) {
            idle.send("GET /echo/idle HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, idle.read().status());

            List<CompletableFuture<RawHttp.Response>> inFlight = new ArrayList<>();
            for (int index = 0; index < IN_FLIGHT; index++) {
                String token = "held-" + index;
                inFlight.add(CompletableFuture.supplyAsync(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(proxy.address())) {
                        return client.exchange("POST", "/echo/slow", token.getBytes(), "X-Hold: 1", "X-Token: " + token);
                    } catch (IOException failed) {
                        throw new IllegalStateException(failed);
                    }
                }));
            }
            await(() -> upstream.held() == IN_FLIGHT, "the requests did not all reach the upstream");

            InetSocketAddress address = proxy.address();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(proxy.server::close);
            await(() -> refused(address), "the proxy still accepts connections while stopping");
            assertTrue(idle.closedByServer(), "an idle keep-alive connection is closed at once");

            upstream.release();
            for (int index = 0; index < IN_FLIGHT; index++) {
                RawHttp.Response response = inFlight.get(index).get(30, TimeUnit.SECONDS);
                assertEquals(200, response.status());
                assertEquals("held-" + index, response.text());
                assertEquals("close", response.header("Connection"), "the client is told not to send another request");
            }
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExchangeStillInFlightAfterTheDrainTimeoutIsCut() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream();
                ProxyFixture proxy = proxy(upstream, Duration.ofMillis(200));
                KeepAliveClient client = new KeepAliveClient(proxy.address())) {
            CompletableFuture<RawHttp.Response> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.exchange("GET", "/echo/forever", new byte[0], "X-Hold: 1");
                } catch (IOException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            await(() -> upstream.held() == 1, "the request did not reach the upstream");
            proxy.server.close();
            Exception cut = assertThrows(Exception.class, () -> held.get(30, TimeUnit.SECONDS));
            assertTrue(cut.getCause() instanceof IllegalStateException, cut.toString());
        }
    }

    private static boolean refused(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String otherwise) throws InterruptedException {
        for (int attempt = 0; attempt < 400 && !condition.getAsBoolean(); attempt++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean(), otherwise);
    }
}
