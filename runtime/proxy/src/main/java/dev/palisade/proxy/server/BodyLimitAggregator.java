package dev.palisade.proxy.server;

import dev.palisade.proxy.log.DecisionLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Netty's aggregator, which answers 413 for a body over its maximum (by {@code Content-Length}
 * before the body is sent, or once the chunks pass it) and never truncates; this adds the log
 * line, so an operator sees which requests the limit refused. With
 * {@link ProxyConfig.BodyLimitAction#PASS_UNINSPECTED} the maximum is the ceiling of what is
 * forwarded, not the inspection limit: a body between the two is read whole and the enforcement
 * handler leaves it uninspected.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final DecisionLog log;
    private final int limit;

    BodyLimitAggregator(int limit, DecisionLog log) {
        super(limit, true);
        this.limit = limit;
        this.log = log;
    }

    /** The aggregator for a configuration: up to the limit, or the ceiling when passing uninspected. */
    static BodyLimitAggregator of(ProxyConfig config, DecisionLog log) {
        int limit = config.bodyLimitAction() == ProxyConfig.BodyLimitAction.PASS_UNINSPECTED
                ? Math.max(config.requestBodyLimit(), ProxyConfig.BodyLimitAction.PASS_UNINSPECTED_CEILING)
                : config.requestBodyLimit();
        return new BodyLimitAggregator(limit, log);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest request) {
            log.writeRejection(ctx.channel().remoteAddress(), request.method().name(), request.uri(), 413,
                    "request body over the limit of " + limit + " bytes");
        }
        super.handleOversizedMessage(ctx, oversized);
    }
}
