package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link GracefulClose} on an {@link EmbeddedChannel}: when a draining connection closes, and what it says. */
class GracefulCloseTest {

    static {
        ProxyFixture.examples(); // installs the leak tracker before the first buffer
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    private static void receive(EmbeddedChannel channel) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        FullHttpRequest passed = channel.readInbound();
        passed.release();
    }

    /** Writes a keep-alive 200 and returns whether it said keep-alive on the wire. */
    private static boolean answer(EmbeddedChannel channel, HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        HttpUtil.setKeepAlive(response, true);
        channel.writeOutbound(response);
        FullHttpResponse written = channel.readOutbound();
        boolean keepAlive = HttpUtil.isKeepAlive(written);
        written.release();
        return keepAlive;
    }

    private static void drain(EmbeddedChannel channel) {
        ((GracefulClose) channel.pipeline().get(GracefulClose.class)).drain();
        channel.runPendingTasks();
    }

    @Test
    void anIdleConnectionClosesAtOnce() {
        EmbeddedChannel channel = new EmbeddedChannel(new GracefulClose());
        receive(channel);
        assertTrue(answer(channel, HttpResponseStatus.OK));
        drain(channel);
        assertFalse(channel.isOpen());
    }

    @Test
    void aBusyConnectionFinishesItsExchangeSaysCloseAndCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new GracefulClose());
        receive(channel);
        drain(channel);
        assertTrue(channel.isOpen(), "the exchange in flight is not cut");
        assertTrue(answer(channel, HttpResponseStatus.CONTINUE), "100 Continue is not the end of the exchange");
        assertTrue(channel.isOpen());
        assertFalse(answer(channel, HttpResponseStatus.OK), "the response says Connection: close");
        assertFalse(channel.isOpen());
    }

    @Test
    void aPipelinedRequestAlreadyReceivedIsAnsweredBeforeTheClose() {
        EmbeddedChannel channel = new EmbeddedChannel(new GracefulClose());
        receive(channel);
        receive(channel);
        drain(channel);
        assertTrue(answer(channel, HttpResponseStatus.OK), "no response may follow one that says close");
        assertTrue(channel.isOpen());
        assertFalse(answer(channel, HttpResponseStatus.OK));
        assertFalse(channel.isOpen());
        assertEquals(0, channel.outboundMessages().size());
    }
}
