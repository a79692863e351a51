package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guards and the sequencer on an {@link EmbeddedChannel}: no sockets, every message released. */
class GuardsTest {

    static {
        ProxyFixture.examples(); // installs the leak tracker before the first buffer
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    private static EmbeddedChannel guarded(List<String> lines) {
        DecisionLog log = new DecisionLog(lines::add);
        return new EmbeddedChannel(new StrictHttpRequestDecoder(), new DecoderFailureGuard(log), new FramingGuard(log),
                new BodyLimitAggregator(1024, log));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { // "~" stands for CRLF: a CSV record cannot hold a line break
            "ok|GET / HTTP/1.1~Host: a~~|0",
            "HTTP/1.0 without Host|GET / HTTP/1.0~~|0",
            "chunked, in any case|POST / HTTP/1.1~Host: a~Transfer-Encoding: Chunked~~0~~|0",
            "CL and TE|POST / HTTP/1.1~Host: a~Content-Length: 1~Transfer-Encoding: chunked~~|400",
            "chunked twice|POST / HTTP/1.1~Host: a~Transfer-Encoding: chunked~Transfer-Encoding: chunked~~|400",
            "identity coding|POST / HTTP/1.1~Host: a~Transfer-Encoding: identity~~|400",
            "CL with a sign|POST / HTTP/1.1~Host: a~Content-Length: +1~~x|400",
            "space before colon|GET / HTTP/1.1~Host : a~~|400",
            "no Host|GET / HTTP/1.1~~|400"})
    void answersOrPasses(String what, String request, int status) {
        List<String> lines = new ArrayList<>();
        EmbeddedChannel channel = guarded(lines);
        channel.writeInbound(Unpooled.copiedBuffer(request.replace("~", "\r\n"), StandardCharsets.ISO_8859_1));
        FullHttpRequest passed = channel.readInbound();
        Object answer = channel.readOutbound();
        try {
            if (status == 0) {
                assertTrue(passed != null, what + " should pass");
                assertNull(answer, what);
                assertTrue(channel.isOpen());
            } else {
                assertNull(passed, what + " must not pass");
                assertTrue(answer instanceof FullHttpResponse, what);
                assertEquals(status, ((FullHttpResponse) answer).status().code(), what);
                assertFalse(channel.isOpen(), what + ": the connection must be closed");
                assertEquals(1, lines.size(), what);
                assertTrue(lines.get(0).contains("\"type\":\"protocol\"") && lines.get(0).contains("\"status\":" + status),
                        lines.get(0));
            }
        } finally {
            if (passed != null) {
                passed.release();
            }
            if (answer instanceof FullHttpResponse response) {
                response.release();
            }
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void theSequencerHoldsAPipelinedRequestUntilTheResponseBeforeItIsWritten() {
        EmbeddedChannel channel = new EmbeddedChannel(new PipeliningSequencer());
        channel.writeInbound(request("/first"), request("/second"));
        FullHttpRequest first = channel.readInbound();
        assertEquals("/first", first.uri());
        assertNull(channel.readInbound(), "the second waits");
        assertFalse(channel.config().isAutoRead(), "and reading stops meanwhile");
        first.release();

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        FullHttpRequest second = channel.readInbound();
        assertEquals("/second", second.uri());
        second.release();
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertTrue(channel.config().isAutoRead(), "reading resumes once nothing waits");
        channel.finishAndReleaseAll();
    }

    private static FullHttpRequest request(String target) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        request.headers().set("Host", "a");
        return request;
    }
}
