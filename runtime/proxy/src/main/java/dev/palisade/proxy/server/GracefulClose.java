package dev.palisade.proxy.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Lets a client connection end between exchanges when the proxy stops. It knows whether an
 * exchange is in flight (a request has begun to arrive and its response has not been written
 * whole); {@link #drain} closes an idle connection at once and lets a busy one finish its
 * exchange, whose response then says {@code Connection: close} (RFC 9112 §9.6: the client learns
 * not to send another request on it) before the connection is closed.
 */
final class GracefulClose extends ChannelDuplexHandler {
    private ChannelHandlerContext context;
    /** Requests begun minus responses ended: more than one only while a client pipelines. */
    private int inFlight;
    private boolean draining;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest) {
            inFlight++;
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            // 100 Continue (the aggregator's) is not the end of the exchange.
            ctx.write(message, promise);
            return;
        }
        if (draining && inFlight <= 1 && message instanceof HttpResponse response) {
            // Only on the last response: a pipelined request already received is still answered
            // (RFC 9112 §9.6: no response may follow one that says close).
            HttpUtil.setKeepAlive(response, false);
        }
        if (message instanceof LastHttpContent) {
            inFlight = Math.max(0, inFlight - 1);
            if (draining && inFlight == 0) {
                ctx.write(message, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.write(message, promise);
    }

    /** Closes the connection now if it is idle, or after the exchange in flight. Any thread. */
    void drain() {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            return;
        }
        ctx.executor().execute(() -> {
            draining = true;
            if (inFlight == 0) {
                ctx.close();
            }
        });
    }
}
