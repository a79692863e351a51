package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.proxy.pipeline.AlpInspector;
import dev.palisade.proxy.pipeline.Inspector;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.pipeline.Verdict;
import dev.palisade.proxy.server.ProxyConfig.BodyLimitAction;
import dev.palisade.proxy.testing.EchoUpstream;
import dev.palisade.proxy.testing.KeepAliveClient;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request body over the limit, over real sockets, with each {@code --body-limit-action}:
 * {@code reject} answers 413 and forwards nothing; {@code pass-uninspected} forwards the whole
 * body, byte-exact, without the body inspectors seeing it, and its log line says
 * {@code "body_inspected":false}. A test body inspector that denies any body containing
 * {@code canary} shows which bodies were inspected. Neither action truncates.
 */
@Timeout(60)
class BodyLimitActionTest {
    private static final int LIMIT = 64 * 1024;
    private static final byte[] CANARY = "canary".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf CANARY_BUFFER = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(CANARY));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Denies (418, to tell it from ALP's 403) any body that contains {@code canary}. */
    private static final Inspector CANARY_INSPECTOR = new Inspector() {
        @Override
        public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
            return Verdict.CONTINUE;
        }

        @Override
        public Verdict onBody(PolicyBundle bundle, HttpRequest request, ByteBuf body) {
            boolean found = ByteBufUtil.indexOf(CANARY_BUFFER, body) >= 0;
            return found ? new Verdict(true, 418, "canary", null) : Verdict.CONTINUE;
        }
    };

    @TempDir
    static Path policies;

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    private static ProxyFixture proxy(EchoUpstream upstream, BodyLimitAction action) throws Exception {
        return new ProxyFixture(upstream.address(), NothingLostTest.BULK,
                ProxyFixture.compile(policies, NothingLostTest.BULK, NothingLostTest.ALLOW_ECHO),
                new RequestInspection(List.of(new AlpInspector(), CANARY_INSPECTOR)),
                config -> config.withRequestBodyLimit(LIMIT).withBodyLimitAction(action));
    }

    /** {@code size} random bytes with {@code canary} in the middle. */
    private static byte[] bodyWithCanary(int size) {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        System.arraycopy(CANARY, 0, body, size / 2, CANARY.length);
        return body;
    }

    @Test
    void rejectAnswers413AndForwardsNothing() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream(); ProxyFixture proxy = proxy(upstream, BodyLimitAction.REJECT);
                KeepAliveClient client = new KeepAliveClient(proxy.address())) {
            assertEquals(418, client.exchange("POST", "/echo/small", bodyWithCanary(LIMIT)).status(),
                    "a body within the limit is inspected");
            try (KeepAliveClient over = new KeepAliveClient(proxy.address())) {
                assertEquals(413, over.exchange("POST", "/echo/big", bodyWithCanary(LIMIT + 1)).status());
            }
            assertEquals(0, upstream.requests(), "nothing reached the upstream");
            assertTrue(proxy.logLines.stream().anyMatch(line -> line.contains("\"status\":413")
                    && line.contains("over the limit")), proxy.logLines.toString());
        }
    }

    @Test
    void passUninspectedForwardsTheWholeBodyUninspectedAndSaysSo() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream();
                ProxyFixture proxy = proxy(upstream, BodyLimitAction.PASS_UNINSPECTED);
                KeepAliveClient client = new KeepAliveClient(proxy.address())) {
            RawHttp.Response small = client.exchange("POST", "/echo/small", bodyWithCanary(LIMIT));
            assertEquals(418, small.status(), "a body within the limit is still inspected");

            byte[] big = bodyWithCanary(1024 * 1024 + 3);
            RawHttp.Response forwarded = client.exchange("POST", "/echo/big", big);
            assertEquals(200, forwarded.status(), "over the limit: forwarded, the body not inspected");
            assertEquals(EchoUpstream.sha256(big), forwarded.header("X-Received-Sha256"), "whole, not truncated");
            assertEquals(EchoUpstream.sha256(big), EchoUpstream.sha256(forwarded.body()));
            JsonNode line = logLine(proxy, forwarded.header("X-Request-Id"));
            assertFalse(line.get("body_inspected").asBoolean(), line.toString());
            assertEquals("allow", line.get("action").asText());

            RawHttp.Response plain = client.exchange("POST", "/echo/plain", new byte[] {1, 2, 3});
            assertTrue(logLine(proxy, plain.header("X-Request-Id")).path("body_inspected").isMissingNode(),
                    "the field is only there when the body was not inspected");

            // The request line is still decided: ALP denies this path whatever the body.
            assertEquals(403, client.exchange("POST", "/elsewhere", big).status());
        }
    }

    @Test
    void passUninspectedForwardsAChunkedBodyOverTheLimitWhole() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream();
                ProxyFixture proxy = proxy(upstream, BodyLimitAction.PASS_UNINSPECTED);
                RawHttp client = new RawHttp(proxy.address())) {
            byte[] big = bodyWithCanary(3 * LIMIT + 11);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST /echo/chunked HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < big.length; offset += 10_000) {
                int length = Math.min(10_000, big.length - offset);
                request.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(big, offset, length);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.send(request.toByteArray());
            RawHttp.Response response = client.read();
            assertEquals(200, response.status());
            assertEquals(EchoUpstream.sha256(big), response.header("X-Received-Sha256"));
        }
    }

    @Test
    void passUninspectedStillAnswers413PastTheCeiling() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream();
                ProxyFixture proxy = proxy(upstream, BodyLimitAction.PASS_UNINSPECTED);
                RawHttp client = new RawHttp(proxy.address())) {
            // Content-Length alone is enough: the proxy answers before the body is sent.
            client.send("POST /echo/huge HTTP/1.1\r\nHost: test\r\nContent-Length: "
                    + (BodyLimitAction.PASS_UNINSPECTED_CEILING + 1L) + "\r\n\r\n");
            assertEquals(413, client.read().status());
            assertEquals(0, upstream.requests());
        }
    }

    /** The relay writes an allowed request's line once the response is sent: it may trail the client. */
    private static JsonNode logLine(ProxyFixture proxy, String requestId) throws Exception {
        assertNotNull(requestId);
        for (int attempt = 0; attempt < 200; attempt++) {
            for (String line : proxy.logLines) {
                JsonNode node = JSON.readTree(line);
                if (requestId.equals(node.path("request_id").asText())) {
                    return node;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line for request " + requestId + " in " + proxy.logLines);
    }
}
