package dev.palisade.proxy.server;

import dev.palisade.proxy.log.DecisionLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Turns a decoder failure into a 4xx and a close, so a malformed request is never forwarded:
 * an invalid request line or header field (RFC 9112 §3, §5; RFC 9110 §5.1 field-name tokens),
 * a bad chunk size (RFC 9112 §7.1), conflicting framing (§6.3) → 400; a request line over the
 * limit → 414 (RFC 9110 §15.5.15); header fields over the limit → 431 (RFC 6585 §5).
 */
final class DecoderFailureGuard extends ChannelInboundHandlerAdapter {
    private final DecisionLog log;

    DecoderFailureGuard(DecisionLog log) {
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (Rejection.dropIfRejected(ctx, message)) {
            return;
        }
        if (message instanceof DecoderResultProvider provider && provider.decoderResult().isFailure()) {
            DecoderResult result = provider.decoderResult();
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                Rejection.reject(ctx, message, 414, "URI Too Long.", reason(cause), log);
            } else if (cause instanceof TooLongHttpHeaderException) {
                Rejection.reject(ctx, message, 431, "Request Header Fields Too Large.", reason(cause), log);
            } else {
                Rejection.reject(ctx, message, 400, "Bad Request: malformed HTTP.", reason(cause), log);
            }
            return;
        }
        ctx.fireChannelRead(message);
    }

    /** The decoder's own words, for the log line only: the client learns just the status. */
    private static String reason(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
