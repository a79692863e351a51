package dev.palisade.proxy.extauthz;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of a connection from Envoy's ext_authz HTTP client: idle timeout, codec,
 * keep-alive, whole (small) check requests, the check. Envoy is the only client, so the inline
 * proxy's smuggling guards are not repeated here: a check request is answered, never forwarded.
 */
final class HttpAuthzInitializer extends ChannelInitializer<SocketChannel> {
    private final ExtAuthzConfig config;
    private final Authorizer authorizer;

    HttpAuthzInitializer(ExtAuthzConfig config, Authorizer authorizer) {
        this.config = config;
        this.authorizer = authorizer;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        addTimeouts(pipeline);
        addCodec(pipeline);
        addAggregation(pipeline);
        addCheck(pipeline);
    }

    private void addTimeouts(ChannelPipeline pipeline) {
        pipeline.addLast("idle-timeout", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private static void addCodec(ChannelPipeline pipeline) {
        pipeline.addLast("codec", new HttpServerCodec());
        pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
    }

    /** Envoy sends a body only {@code with_request_body}; larger than the limit is 413 (and closed). */
    private void addAggregation(ChannelPipeline pipeline) {
        pipeline.addLast("aggregator", new HttpObjectAggregator(config.maxRequestBytes()));
    }

    private void addCheck(ChannelPipeline pipeline) {
        pipeline.addLast("check", new HttpAuthzHandler(config, authorizer));
    }
}
