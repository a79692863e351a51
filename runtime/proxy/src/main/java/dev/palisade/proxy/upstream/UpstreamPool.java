package dev.palisade.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idle keep-alive connections to the upstream, kept per event loop so a client's request reuses
 * a connection of its own thread (no cross-thread hand-off, no locks: each queue is touched only
 * by its loop). A connection comes back only after a complete, keep-alive response; one that
 * failed, was cut, or was delimited by a close is closed instead. At most
 * {@link #MAX_IDLE_PER_LOOP} idle connections per loop; an idle one lives until the upstream
 * closes it or the upstream response timeout passes without traffic.
 */
public final class UpstreamPool {
    /**
     * Must exceed the number of client connections a loop serves that can sit between two
     * requests at once, or every request past the cap closes a connection the next one has to
     * reopen: at 16, LoadBenchmark with 32 client connections per loop left tens of thousands of
     * upstream connections in TIME_WAIT and spent far more CPU per request. Idle connections
     * are cheap and close after the upstream timeout without traffic.
     */
    static final int MAX_IDLE_PER_LOOP = 256;
    static final String RELAY = "upstream-to-client";

    private final Map<EventLoop, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

    /** An open idle connection of {@code loop}, or {@code null}. Called on {@code loop}. */
    Channel acquire(EventLoop loop) {
        ArrayDeque<Channel> queue = idle.get(loop);
        if (queue == null) {
            return null;
        }
        for (Channel channel = queue.pollLast(); channel != null; channel = queue.pollLast()) {
            if (channel.isActive()) {
                return channel;
            }
            channel.close();
        }
        return null;
    }

    /** Keeps a connection whose response ended cleanly, or closes it if the pool is full. */
    void release(Channel channel) {
        ArrayDeque<Channel> queue = idle.computeIfAbsent(channel.eventLoop(), loop -> new ArrayDeque<>());
        if (!channel.isActive() || queue.size() >= MAX_IDLE_PER_LOOP) {
            channel.close();
            return;
        }
        CurrentUpstreamHandler.of(channel).handOver(new IdleConnection(queue));
        queue.addLast(channel);
        // Read while idle, so a close by the upstream is seen before the connection is reused.
        channel.read();
    }

    /**
     * Watches an idle connection: the upstream closing it takes it out of the pool; bytes from
     * the upstream with no request outstanding cannot be framed, so they close it too.
     */
    private static final class IdleConnection extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<Channel> queue;

        IdleConnection(ArrayDeque<Channel> queue) {
            this.queue = queue;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ReferenceCountUtil.release(message);
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            queue.remove(ctx.channel());
            ctx.fireChannelInactive();
        }
    }
}
