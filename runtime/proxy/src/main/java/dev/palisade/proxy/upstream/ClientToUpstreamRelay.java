package dev.palisade.proxy.upstream;

import dev.palisade.proxy.admin.ProxyMetrics;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.Exchange;
import dev.palisade.proxy.pipeline.EnforcementHandler;
import dev.palisade.proxy.server.ProxyConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;

/**
 * Sends an allowed request to the upstream over a pooled keep-alive connection of the client
 * channel's event loop, or a new one opened on that loop (no cross-thread hand-off). The
 * response comes back through {@link UpstreamToClientRelay}, which returns the connection to the
 * {@link UpstreamPool} once the response ended cleanly.
 *
 * <p>A pooled connection may have been closed by the upstream just as it is reused. A request
 * without a body that loses such a connection before any response byte is sent once more, on a
 * new connection; a request with a body is not (it might have been acted on).
 */
public final class ClientToUpstreamRelay extends ChannelInboundHandlerAdapter {
    private final ProxyConfig config;
    private final DecisionLog log;
    private final ProxyMetrics metrics;
    private final UpstreamPool pool;
    private Channel upstream;

    public ClientToUpstreamRelay(ProxyConfig config, DecisionLog log, ProxyMetrics metrics, UpstreamPool pool) {
        this.config = config;
        this.log = log;
        this.metrics = metrics;
        this.pool = pool;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        Channel client = ctx.channel();
        Exchange exchange = client.attr(EnforcementHandler.EXCHANGE).getAndSet(null);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        prepare(request, (InetSocketAddress) client.remoteAddress());
        Channel pooled = pool.acquire(client.eventLoop());
        if (pooled == null) {
            forwardOnNewConnection(client, request, exchange, keepAlive);
            return;
        }
        UpstreamToClientRelay responses = relay(client, exchange, keepAlive);
        if (!request.content().isReadable()) {
            // INVARIANT: an empty body needs no release, so the spare copy cannot leak.
            FullHttpRequest spare = request.replace(Unpooled.EMPTY_BUFFER);
            responses.retryWith(() -> forwardOnNewConnection(client, spare, exchange, keepAlive));
        }
        // The response timeout counts from this request, not from the connection's last read
        // (resetting it is cheaper than replacing the handler, which showed in the profile).
        ((ReadTimeoutHandler) pooled.pipeline().get(UpstreamInitializer.TIMEOUT)).resetReadTimeout();
        CurrentUpstreamHandler.of(pooled).handOver(responses);
        upstream = pooled;
        send(pooled, request, responses);
    }

    private UpstreamToClientRelay relay(Channel client, Exchange exchange, boolean keepAlive) {
        return new UpstreamToClientRelay(client, exchange, keepAlive, log, metrics, pool, this::detach);
    }

    private void forwardOnNewConnection(Channel client, FullHttpRequest request, Exchange exchange,
            boolean keepAlive) {
        UpstreamToClientRelay responses = relay(client, exchange, keepAlive);
        ChannelFuture connected = new Bootstrap()
                .group(client.eventLoop())
                .channel(client.getClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.upstreamConnectTimeout().toMillis())
                // INVARIANT: the upstream is read only after the previous chunk reached the client.
                .option(ChannelOption.AUTO_READ, false)
                .handler(new UpstreamInitializer(config, responses))
                .connect(config.upstream());
        upstream = connected.channel();
        connected.addListener(attempt -> {
            if (!attempt.isSuccess()) {
                request.release();
                boolean timedOut = attempt.cause() instanceof ConnectTimeoutException;
                metrics.upstreamError(timedOut ? ProxyMetrics.UpstreamError.TIMEOUT
                        : ProxyMetrics.UpstreamError.REFUSED);
                responses.failBeforeResponse(timedOut ? 504 : 502, timedOut
                        ? "Gateway Timeout: the upstream did not accept the connection in time."
                        : "Bad Gateway: the upstream refused the connection.");
                return;
            }
            send(connected.channel(), request, responses);
        });
    }

    private static void send(Channel channel, FullHttpRequest request, UpstreamToClientRelay responses) {
        channel.writeAndFlush(request).addListener(sent -> {
            if (sent.isSuccess()) {
                channel.read();
            } else {
                responses.lostBeforeResponse(502, "Bad Gateway: the request could not be sent upstream.");
                channel.close();
            }
        });
    }

    /** The upstream connection went back to the pool (or was closed): it is no longer ours to close. */
    private void detach(Channel channel) {
        if (upstream == channel) {
            upstream = null;
        }
    }

    /** Hop-by-hop fields out, {@code X-Forwarded-For} in, framing by {@code Content-Length}. */
    private static void prepare(FullHttpRequest request, InetSocketAddress client) {
        HopByHopHeaders.strip(request.headers());
        toOriginForm(request);
        // The body has been read already (and 100-continue answered): nothing to expect upstream.
        request.headers().remove(HttpHeaderNames.EXPECT);
        String address = client.getAddress().getHostAddress();
        String forwarded = request.headers().get("X-Forwarded-For");
        request.headers().set("X-Forwarded-For", forwarded == null ? address : forwarded + ", " + address);
        HttpUtil.setContentLength(request, request.content().readableBytes());
        // Keep-alive on the upstream hop whatever the client asked: the connection goes back to the pool.
        HttpUtil.setKeepAlive(request, true);
    }

    /**
     * RFC 9112 §3.2.2: for an absolute-form target the server uses its authority and ignores
     * {@code Host}. The upstream gets the origin form the policy decided on, with that authority
     * as {@code Host}, so it cannot read the request differently from the policy.
     */
    static void toOriginForm(FullHttpRequest request) {
        String target = request.uri();
        int scheme = target.indexOf("://");
        if (target.startsWith("/") || scheme < 0) {
            return;
        }
        int authorityStart = scheme + 3;
        int pathStart = authorityStart;
        while (pathStart < target.length() && "/?#".indexOf(target.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String rest = target.substring(pathStart);
        request.setUri(rest.startsWith("/") ? rest : "/" + rest);
        request.headers().set(HttpHeaderNames.HOST, target.substring(authorityStart, pathStart));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.close();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The client connection failed (reset, usually): nothing to answer, close both sides.
        ctx.close();
    }
}
