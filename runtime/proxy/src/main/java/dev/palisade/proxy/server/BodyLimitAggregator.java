package dev.palisade.proxy.server;

import dev.palisade.proxy.log.DecisionLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Netty's aggregator, which answers 413 for a body over the limit (by {@code Content-Length}
 * before the body is sent, or once the chunks pass it) and never truncates; this adds the log
 * line, so an operator sees which requests the limit refused.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final DecisionLog log;
    private final int limit;

    BodyLimitAggregator(int limit, DecisionLog log) {
        super(limit, true);
        this.limit = limit;
        this.log = log;
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
