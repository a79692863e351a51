package dev.palisade.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last entry of an upstream connection's pipeline, for its whole life: it hands the
 * connection's events to whoever holds the connection now, the {@link UpstreamToClientRelay} of
 * the exchange in flight or the {@link UpstreamPool}'s idle watcher. Replacing the pipeline entry
 * itself twice per pooled request (acquire, release) showed in LoadBenchmark's profile; a field
 * write does not. Touched only by the connection's event loop.
 */
final class CurrentUpstreamHandler extends ChannelInboundHandlerAdapter {
    private ChannelInboundHandler current;

    CurrentUpstreamHandler(ChannelInboundHandler first) {
        current = first;
    }

    /** From now on, {@code handler} gets the connection's reads, failures and close. */
    void handOver(ChannelInboundHandler handler) {
        current = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        current.channelRead(ctx, message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        current.channelReadComplete(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        current.exceptionCaught(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        current.channelInactive(ctx);
    }

    /** The handler of the connection's current holder. */
    static CurrentUpstreamHandler of(Channel channel) {
        return (CurrentUpstreamHandler) channel.pipeline().get(UpstreamPool.RELAY);
    }
}
