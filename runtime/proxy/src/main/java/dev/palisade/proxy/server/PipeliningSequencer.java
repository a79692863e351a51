package dev.palisade.proxy.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * One request at a time per connection. A client may pipeline (RFC 9112 §9.3.2) but responses
 * must go back in request order, and a denied request answered at once must not overtake an
 * allowed one still at the upstream. Later requests wait here, and reading stops while they
 * do (backpressure); the next one goes on when the previous response has been written.
 */
final class PipeliningSequencer extends ChannelDuplexHandler {
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean inFlight;
    private boolean closing;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        if (inFlight || closing) {
            waiting.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        inFlight = true;
        ctx.fireChannelRead(request);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof HttpResponse response && !HttpUtil.isKeepAlive(response)) {
            closing = true;
        }
        if (message instanceof LastHttpContent) {
            ChannelPromise done = promise.unvoid();
            done.addListener(written -> next(ctx));
            ctx.write(message, done);
            return;
        }
        ctx.write(message, promise);
    }

    private void next(ChannelHandlerContext ctx) {
        inFlight = false;
        if (closing || !ctx.channel().isActive()) {
            releaseWaiting();
            return;
        }
        FullHttpRequest request = waiting.poll();
        if (request == null) {
            ctx.channel().config().setAutoRead(true);
            return;
        }
        inFlight = true;
        ctx.fireChannelRead(request);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    private void releaseWaiting() {
        FullHttpRequest request;
        while ((request = waiting.poll()) != null) {
            request.release();
        }
    }
}
