package dev.palisade.proxy.admin;

import dev.palisade.proxy.pipeline.PolicyHolder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/**
 * The admin listener's pipeline: codec, keep-alive, small bodies only, the endpoints (off the event
 * loops when a dashboard is on).
 */
public final class AdminInitializer extends ChannelInitializer<SocketChannel> {
    /** Admin requests carry no body worth reading. */
    private static final int MAX_BODY = 4096;

    private final PolicyHolder holder;
    private final ProxyMetrics metrics;
    private final Dashboard dashboard;

    public AdminInitializer(PolicyHolder holder, ProxyMetrics metrics) {
        this(holder, metrics, null);
    }

    /** @param dashboard serves {@code /dashboard}; {@code null} leaves it off (404) */
    public AdminInitializer(PolicyHolder holder, ProxyMetrics metrics, Dashboard dashboard) {
        this.holder = holder;
        this.metrics = metrics;
        this.dashboard = dashboard;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("codec", new HttpServerCodec())
                .addLast("keep-alive", new HttpServerKeepAliveHandler())
                .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                // A null group runs the endpoints on the channel's event loop: cheap without the dashboard.
                .addLast(dashboard == null ? null : dashboard.executor(), "endpoints",
                        new AdminEndpoints(holder, metrics, dashboard));
    }
}
