package dev.palisade.proxy.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;

/**
 * One stage of request inspection, in ModSecurity's phase order: {@link #onHeaders} sees the
 * request line and headers (phase 1), {@link #onBody} the body read so far, up to the
 * request-body limit (phase 2). ALP decides in phase 1; the WAF will implement both.
 *
 * <p>Implementations are stateless and thread-safe; everything request-specific comes in as
 * arguments, and the bundle is the one the request started with. An inspector that throws
 * fails closed: the request gets 500 and is not forwarded.
 */
public interface Inspector {

    /** Phase 1: the request line and headers ({@code request.uri()} is the raw request-target). */
    Verdict onHeaders(PolicyBundle bundle, HttpRequest request);

    /** Phase 2: the (complete, within the limit) body; it is only read, never retained. */
    default Verdict onBody(PolicyBundle bundle, HttpRequest request, ByteBuf body) {
        return Verdict.CONTINUE;
    }

    /**
     * Phase 2 with the client's address; {@code body} is {@code null} when it was over the limit and
     * goes on uninspected. By default, {@link #onBody(PolicyBundle, HttpRequest, ByteBuf)} when there is a body.
     */
    default Verdict onBody(PolicyBundle bundle, HttpRequest request, ByteBuf body, InetSocketAddress client) {
        return body == null ? Verdict.CONTINUE : onBody(bundle, request, body);
    }
}
