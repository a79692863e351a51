package dev.palisade.proxy.upstream;

import dev.palisade.proxy.server.ProxyConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;

/** The upstream connection's pipeline: response timeout, HTTP client codec, relay to the client. */
final class UpstreamInitializer extends ChannelInitializer<Channel> {
    static final String TIMEOUT = "upstream-timeout";

    private final ProxyConfig config;
    private final UpstreamToClientRelay relay;

    UpstreamInitializer(ProxyConfig config, UpstreamToClientRelay relay) {
        this.config = config;
        this.relay = relay;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast(TIMEOUT, timeout(config))
                .addLast("upstream-codec", new HttpClientCodec())
                .addLast(UpstreamPool.RELAY, new CurrentUpstreamHandler(relay));
    }

    /** The response timeout; a pooled connection's is reset with each request. */
    static ReadTimeoutHandler timeout(ProxyConfig config) {
        return new ReadTimeoutHandler(config.upstreamResponseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
