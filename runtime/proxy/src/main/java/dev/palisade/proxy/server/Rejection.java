package dev.palisade.proxy.server;

import dev.palisade.proxy.log.DecisionLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * After ambiguous or malformed framing the connection cannot be trusted: the next bytes might be
 * a smuggled request. The guards answer once, stop reading, drop whatever was already decoded,
 * and close (RFC 9112 §6.3: "close the connection after responding").
 */
final class Rejection {
    private static final AttributeKey<Boolean> REJECTED = AttributeKey.valueOf("palisade.rejected");

    private Rejection() {}

    /** Whether the connection was rejected already; if so, {@code message} has been released. */
    static boolean dropIfRejected(ChannelHandlerContext ctx, Object message) {
        if (Boolean.TRUE.equals(ctx.channel().attr(REJECTED).get())) {
            ReferenceCountUtil.release(message);
            return true;
        }
        return false;
    }

    static void reject(ChannelHandlerContext ctx, Object message, int status, String text, String reason,
            DecisionLog log) {
        String method = null;
        String target = null;
        if (message instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            method = request.method().name();
            target = request.uri();
        }
        log.writeRejection(ctx.channel().remoteAddress(), method, target, status, reason);
        ReferenceCountUtil.release(message);
        ctx.channel().attr(REJECTED).set(true);
        ctx.channel().config().setAutoRead(false);
        PlainResponse.send(ctx.channel(), status, text, null, false);
    }
}
