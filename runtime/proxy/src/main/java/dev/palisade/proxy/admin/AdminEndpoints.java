package dev.palisade.proxy.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /healthz}: the process serves. {@code /readyz}: a bundle is loaded, so requests are
 * decided (a Kubernetes readiness probe keeps traffic away until then). {@code /policies}: the
 * loaded bundle's IR hash and policies, to check which bundle a reload installed. {@code /metrics}:
 * the {@link ProxyMetrics} in the Prometheus text format. {@code /dashboard}: with a {@link Dashboard}
 * only (else 404 like any unknown path), the live report of the recent decision lines; read-only like
 * every endpoint here, and a query string changes nothing (the page filters by its URL's fragment).
 */
final class AdminEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PolicyHolder holder;
    private final ProxyMetrics metrics;
    private final Dashboard dashboard;

    /** @param dashboard {@code null} when the dashboard is off */
    AdminEndpoints(PolicyHolder holder, ProxyMetrics metrics, Dashboard dashboard) {
        this.holder = holder;
        this.metrics = metrics;
        this.dashboard = dashboard;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws JsonProcessingException {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "text/plain", "bad request\n", false);
            return;
        }
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n", true);
            return;
        }
        String path = request.uri().split("\\?", 2)[0];
        Optional<PolicyBundle> bundle = holder.current();
        switch (path) {
            case "/healthz" -> respond(ctx, request, HttpResponseStatus.OK, "text/plain", "ok\n", true);
            case "/readyz" -> respond(ctx, request,
                    bundle.isPresent() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "text/plain", bundle.isPresent() ? "ready\n" : "no policy bundle loaded\n", true);
            case "/policies" -> respond(ctx, request, bundle.isPresent() ? HttpResponseStatus.OK
                    : HttpResponseStatus.SERVICE_UNAVAILABLE, "application/json", policies(bundle) + "\n", true);
            case "/metrics" -> respond(ctx, request, HttpResponseStatus.OK, PROMETHEUS_TEXT, metrics.scrape(), true);
            case "/dashboard" -> {
                if (dashboard == null) {
                    respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n", true);
                } else {
                    respond(ctx, request, HttpResponseStatus.OK, "text/html; charset=utf-8", dashboard.render(), true,
                            // A page's own policy cannot say who may frame it; a stale copy would mislead.
                            Map.of("Content-Security-Policy", "frame-ancestors 'none'", "Cache-Control", "no-store"));
                }
            }
            default -> respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n", true);
        }
    }

    private static String policies(Optional<PolicyBundle> bundle) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loaded", bundle.isPresent());
        bundle.ifPresent(loaded -> {
            body.put("ir_hash", loaded.irHash());
            body.put("loaded_at", loaded.loadedAt().toString());
            body.put("policies", loaded.policy().policyNames());
            body.put("selected_policies", loaded.selectedPolicies());
        });
        return JSON.writeValueAsString(body);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String type, String text, boolean keepAlive) {
        respond(ctx, request, status, type, text, keepAlive, Map.of());
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String type, String text, boolean keepAlive, Map<String, String> headers) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                request.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        headers.forEach(response.headers()::set);
        HttpUtil.setContentLength(response, bytes.length);
        HttpUtil.setKeepAlive(response, keepAlive && HttpUtil.isKeepAlive(request));
        var written = ctx.writeAndFlush(response);
        if (!HttpUtil.isKeepAlive(response)) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
