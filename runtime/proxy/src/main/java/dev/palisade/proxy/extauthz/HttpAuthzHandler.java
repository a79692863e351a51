package dev.palisade.proxy.extauthz;

import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.identity.ForwardedClientCert;
import dev.palisade.proxy.identity.SpiffeId;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Envoy's HTTP authorization contract ({@code envoy.filters.http.ext_authz} with
 * {@code http_service}): the check request has the original method, the original path after the
 * configured {@code path_prefix}, and the allowed headers. 200 allows, and the
 * {@code x-palisade-*} headers may go upstream ({@code allowed_upstream_headers}); any other
 * status is a denial whose status and body Envoy sends to the client.
 */
final class HttpAuthzHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String DECISION = "x-palisade-decision";
    static final String POLICY = "x-palisade-policy";
    static final String REQUEST_ID = "x-request-id";

    private final ExtAuthzConfig config;
    private final Authorizer authorizer;

    HttpAuthzHandler(ExtAuthzConfig config, Authorizer authorizer) {
        this.config = config;
        this.authorizer = authorizer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        InetSocketAddress source = ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet : null;
        if (request.decoderResult().isFailure()) {
            // RFC 9112 §2.2: a message that cannot be parsed gets 400; the connection is not reused.
            Authorizer.Query query = new Authorizer.Query(null, null, null, null, config.defaultWorkload(), null, source);
            respond(ctx, request, authorizer.reject(query, Authorizer.newRequestId(), 400, "malformed_request"), false);
            return;
        }
        String uri = request.uri();
        String target = uri.startsWith(config.pathPrefix()) ? uri.substring(config.pathPrefix().length()) : null;
        // Envoy's HTTP authorization request carries the original request's allowed headers and, with
        // with_request_body, its body: what the WAF inspects.
        Workload workload;
        try {
            workload = WorkloadExtensions.fromHeaders(request.headers(), config.defaultWorkload());
        } catch (IllegalArgumentException malformed) {
            Authorizer.Query query = new Authorizer.Query(request.method().name(), uri, null, null,
                    config.defaultWorkload(), request.headers().get(REQUEST_ID), source);
            respond(ctx, request, authorizer.reject(query, Authorizer.newRequestId(), 403, "bad_workload_headers"),
                    HttpUtil.isKeepAlive(request));
            return;
        }
        Optional<SpiffeId> caller = config.trustForwardedClientCert()
                ? ForwardedClientCert.caller(request.headers().getAll(ForwardedClientCert.HEADER)) : Optional.empty();
        Authorizer.Query query = new Authorizer.Query(request.method().name(), target == null ? uri : target,
                caller.map(SpiffeId::serviceAccount).orElse(null), caller.map(SpiffeId::namespace).orElse(null),
                workload, request.headers().get(REQUEST_ID), source, request.headers(),
                ByteBufUtil.getBytes(request.content()));
        Authorizer.Answer answer = target == null
                ? authorizer.reject(query, Authorizer.newRequestId(), 403, "outside_path_prefix")
                : authorizer.check(query);
        respond(ctx, request, answer, HttpUtil.isKeepAlive(request));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, Authorizer.Answer answer,
            boolean keepAlive) {
        byte[] body = HttpMethod.HEAD.equals(request.method()) ? new byte[0]
                : answer.body().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                answer.allowed() ? HttpResponseStatus.OK : HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(body));
        response.headers().set(REQUEST_ID, answer.requestId());
        if (answer.allowed()) {
            response.headers().set(DECISION, "allow");
            response.headers().set(POLICY, answer.policy() == null ? "none" : answer.policy());
        } else {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8");
        }
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        System.err.println("{\"type\":\"ext_authz_error\",\"remote\":\"" + ctx.channel().remoteAddress()
                + "\",\"error\":\"" + cause.getClass().getSimpleName() + "\"}");
        ctx.close();
    }
}
