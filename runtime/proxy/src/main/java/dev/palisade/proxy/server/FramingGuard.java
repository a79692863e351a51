package dev.palisade.proxy.server;

import dev.palisade.proxy.log.DecisionLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * Framing and routing rules the decoder does not enforce, each answered with 400 and a close:
 * <ul>
 *   <li>RFC 9112 §6.3 (4): a {@code Transfer-Encoding} whose final coding is not
 *       {@code chunked} leaves the body length undeterminable; we accept exactly
 *       {@code chunked}, once, since we decode no other coding.
 *   <li>RFC 9112 §6.1: {@code Transfer-Encoding} in an HTTP/1.0 request means faulty framing.
 *   <li>RFC 9112 §3.2: an HTTP/1.1 request without exactly one {@code Host} field.
 *   <li>RFC 9112 §3.2.1 / RFC 3986 §3.5: a request-target with a fragment ({@code #}). The
 *       policy decides on the path without it; an upstream that kept it could resolve
 *       {@code /robots.txt#/../admin} to a path the policy never saw.
 * </ul>
 */
final class FramingGuard extends ChannelInboundHandlerAdapter {
    private final DecisionLog log;

    FramingGuard(DecisionLog log) {
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (Rejection.dropIfRejected(ctx, message)) {
            return;
        }
        if (message instanceof HttpRequest request) {
            String problem = problem(request);
            if (problem != null) {
                Rejection.reject(ctx, message, 400, "Bad Request: " + problem + ".", problem, log);
                return;
            }
        }
        ctx.fireChannelRead(message);
    }

    static String problem(HttpRequest request) {
        List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                return "Transfer-Encoding in an HTTP/1.0 request";
            }
            if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
                return "unsupported Transfer-Encoding";
            }
        }
        if (request.uri().indexOf('#') >= 0) {
            return "a request-target cannot carry a fragment";
        }
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                && request.headers().getAll(HttpHeaderNames.HOST).size() != 1) {
            return "an HTTP/1.1 request needs exactly one Host field";
        }
        return null;
    }
}
