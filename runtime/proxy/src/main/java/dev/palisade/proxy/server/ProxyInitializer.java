package dev.palisade.proxy.server;

import dev.palisade.proxy.admin.ProxyMetrics;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.Destination;
import dev.palisade.proxy.pipeline.EnforcementHandler;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.upstream.ClientToUpstreamRelay;
import dev.palisade.proxy.upstream.UpstreamPool;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The client connection's pipeline, in the order bytes travel: timeouts, codec, protocol
 * guards, body aggregation (up to the limit), one-request-at-a-time, enforcement, relay.
 */
final class ProxyInitializer extends ChannelInitializer<SocketChannel> {
    static final String GRACEFUL_CLOSE = "graceful-close";

    private final ProxyConfig config;
    private final PolicyHolder holder;
    private final RequestInspection inspection;
    private final DecisionLog log;
    private final ProxyMetrics metrics;
    /** The listener's workload, as its decision lines name it. */
    private final Destination destination;
    /** Shared by every client connection; each event loop has its own idle connections in it. */
    private final UpstreamPool pool = new UpstreamPool();
    /** Every open client connection (closed ones leave by themselves), for the drain on stop. */
    private final ChannelGroup connections = new DefaultChannelGroup("palisade-clients",
            GlobalEventExecutor.INSTANCE);

    ProxyInitializer(ProxyConfig config, PolicyHolder holder, RequestInspection inspection, DecisionLog log,
            ProxyMetrics metrics) {
        this.config = config;
        this.holder = holder;
        this.inspection = inspection;
        this.log = log;
        this.metrics = metrics;
        this.destination = Destination.of(config.workload());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        addTimeouts(pipeline);
        addCodec(pipeline);
        addGuards(pipeline);
        addBodyLimit(pipeline);
        addEnforcement(pipeline);
        addRelay(pipeline);
    }

    /** Asks every client connection to close once its exchange in flight, if any, has ended. */
    ChannelGroup drain() {
        for (Channel channel : connections) {
            if (channel.pipeline().get(GRACEFUL_CLOSE) instanceof GracefulClose graceful) {
                graceful.drain();
            } else {
                channel.close();
            }
        }
        return connections;
    }

    private void addTimeouts(ChannelPipeline pipeline) {
        pipeline.addLast("idle-timeout", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        pipeline.addLast("idle-closer", new IdleConnectionCloser());
    }

    private static void addCodec(ChannelPipeline pipeline) {
        pipeline.addLast("codec-decoder", new StrictHttpRequestDecoder());
        pipeline.addLast("codec-encoder", new HttpResponseEncoder());
        // Next to the codec: it sees every request begin and every response end, denials included.
        pipeline.addLast(GRACEFUL_CLOSE, new GracefulClose());
    }

    private void addGuards(ChannelPipeline pipeline) {
        pipeline.addLast("decoder-failure-guard", new DecoderFailureGuard(log));
        pipeline.addLast("framing-guard", new FramingGuard(log));
    }

    /**
     * Bodies are read whole, up to the limit, so the WAF phase can see them; a larger body is
     * answered 413 (by Content-Length before it is sent, or when the chunks pass the limit), or
     * with {@code pass-uninspected} read whole up to a ceiling and forwarded uninspected; never
     * truncated. Streaming such bodies instead of buffering them is a later option.
     */
    private void addBodyLimit(ChannelPipeline pipeline) {
        pipeline.addLast("aggregator", BodyLimitAggregator.of(config, log));
    }

    private void addEnforcement(ChannelPipeline pipeline) {
        pipeline.addLast("sequencer", new PipeliningSequencer());
        pipeline.addLast("enforcement", new EnforcementHandler(holder, inspection, log,
                config.requestBodyLimit(), destination));
    }

    private void addRelay(ChannelPipeline pipeline) {
        pipeline.addLast("relay", new ClientToUpstreamRelay(config, log, metrics, pool));
    }
}
