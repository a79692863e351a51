package dev.palisade.proxy.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The short text answers the proxy itself gives (403, 413, 502, 504, 400…). They name the
 * request id so an operator can find the log line, and never the rule that decided.
 */
public final class PlainResponse {
    public static final String REQUEST_ID = "X-Request-Id";
    /**
     * Opt-in debug header ({@code palisade serve --waf-rules-header}): the ids of the WAF rules that
     * fired, for {@code palisade ftw --target}. It tells a client which rule caught it, so it is
     * never on by default.
     */
    public static final String WAF_RULES = "X-Palisade-Waf-Rules";

    private PlainResponse() {}

    /**
     * Writes the answer through the whole pipeline (so it is sequenced after earlier responses)
     * and closes the connection after it unless {@code keepAlive}.
     */
    public static void send(Channel channel, int status, String text, String requestId, boolean keepAlive) {
        send(channel, status, text, requestId, keepAlive, null);
    }

    /** With the {@code X-Palisade-Waf-Rules} debug header when {@code wafRules} is not null. */
    public static void send(Channel channel, int status, String text, String requestId, boolean keepAlive,
            String wafRules) {
        byte[] body = (text + (requestId == null ? "" : " Request id: " + requestId) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8");
        HttpUtil.setContentLength(response, body.length);
        if (requestId != null) {
            response.headers().set(REQUEST_ID, requestId);
        }
        if (wafRules != null) {
            response.headers().set(WAF_RULES, wafRules);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        if (!channel.isActive()) {
            response.release();
            return;
        }
        var written = channel.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
