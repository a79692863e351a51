package dev.palisade.proxy.upstream;

import dev.palisade.proxy.admin.ProxyMetrics;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.Exchange;
import dev.palisade.proxy.server.PlainResponse;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the upstream's response to the client, part by part: the next part is read from the
 * upstream only once the previous one was written to the client (backpressure). Before the
 * response starts, an upstream failure becomes 502 (or 504 on timeout); after it started the
 * client connection is closed, which tells the client the response is incomplete. A response that
 * ended cleanly on a keep-alive connection gives the connection back to the {@link UpstreamPool}.
 */
final class UpstreamToClientRelay extends ChannelInboundHandlerAdapter {
    private enum State { WAITING, STREAMING, DONE }

    private final Channel client;
    private final Exchange exchange;
    private final DecisionLog log;
    private final ProxyMetrics metrics;
    private final UpstreamPool pool;
    private final Consumer<Channel> detach;
    private boolean keepAlive;
    /** Whether the upstream may send another response on this connection after this one. */
    private boolean reusable;
    /** Sends the request again on a new connection; only while a pooled one may have been stale. */
    private Runnable retry;
    private State state = State.WAITING;
    private boolean interim;
    /** Parts written to the client and not flushed yet. */
    private boolean unflushed;
    private int status;
    /** The WAF's response phases; inactive when no WAF inspected the request. */
    private final ResponsePhases responsePhases;

    UpstreamToClientRelay(Channel client, Exchange exchange, boolean keepAlive, DecisionLog log,
            ProxyMetrics metrics, UpstreamPool pool, Consumer<Channel> detach) {
        this.metrics = metrics;
        this.pool = pool;
        this.detach = detach;
        this.client = client;
        this.exchange = exchange;
        this.keepAlive = keepAlive;
        this.log = log;
        this.responsePhases = new ResponsePhases(exchange.inspection().wafExchanges());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (state == State.DONE || !(message instanceof HttpObject)) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (((HttpObject) message).decoderResult().isFailure()) {
            // A response we cannot parse is not relayed: its framing is unknown (RFC 9112 §6.3).
            ReferenceCountUtil.release(message);
            metrics.upstreamError(ProxyMetrics.UpstreamError.MALFORMED);
            failOrCut(502, "Bad Gateway: the upstream sent a malformed response.");
            ctx.close();
            return;
        }
        if (skipInterim(message)) {
            ReferenceCountUtil.release(message);
            ctx.read();
            return;
        }
        boolean last = message instanceof LastHttpContent;
        if (message instanceof HttpResponse response) {
            state = State.STREAMING;
            retry = null;
            status = response.status().code();
            reframe(response);
            if (responsePhases.active()) {
                if (!responsePhases.inspectsBody(response, mayHaveBody(response))) {
                    if (blocked(ctx, response)) {
                        ReferenceCountUtil.release(message);
                        return;
                    }
                } else {
                    responsePhases.hold(response);
                }
            }
        }
        if (responsePhases.holding()) {
            if (!responsePhases.add((HttpObject) message, last)) {
                ctx.read();
                return;
            }
            if (blocked(ctx, responsePhases.head())) {
                responsePhases.discard();
                return;
            }
            List<HttpObject> parts = responsePhases.release();
            for (int i = 0; i < parts.size() - 1; i++) {
                client.write(parts.get(i));
            }
            message = parts.get(parts.size() - 1);
        }
        send(ctx, message, last);
    }

    /**
     * Runs the WAF's response phases; when one interrupts, the client gets its status instead of
     * this response, the rest of which is not read (the upstream connection is closed).
     */
    private boolean blocked(ChannelHandlerContext ctx, HttpResponse response) {
        java.util.OptionalInt interruption = responsePhases.judge(response);
        if (exchange.wafRulesHeader() != null) {
            response.headers().set(PlainResponse.WAF_RULES, exchange.inspection().wafRuleIds());
        }
        if (interruption.isEmpty()) {
            return false;
        }
        state = State.DONE;
        status = interruption.getAsInt();
        log.write(exchange, status);
        PlainResponse.send(client, status, "Response blocked by policy.", exchange.requestId(), keepAlive,
                exchange.wafRulesHeader() == null ? null : exchange.inspection().wafRuleIds());
        detach.accept(ctx.channel());
        ctx.close();
        return true;
    }

    /**
     * Writes a part to the client; only the last part is flushed at once, the others when the
     * upstream read that produced them is complete ({@link #channelReadComplete}). A response's
     * head and its body usually arrive in one read, and flushing each cost a socket write of its
     * own: two per response where the upstream made one. The next part is still read only once
     * the previous one has been written.
     */
    private void send(ChannelHandlerContext ctx, Object message, boolean last) {
        ChannelFuture write = last ? client.writeAndFlush(message) : client.write(message);
        unflushed = !last;
        write.addListener(written -> {
            if (!written.isSuccess()) {
                state = State.DONE;
                ctx.close();
                client.close();
            } else if (last) {
                finish(ctx);
            } else if (state != State.DONE) {
                ctx.read();
            }
        });
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            client.flush();
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Interim (1xx) responses are dropped (RFC 9110 §15.2: a proxy may drop them unless the
     * client asked for them; we removed {@code Expect}). Netty's codec ends each with an empty
     * last content, which is dropped too. 101 never comes: we never forward {@code Upgrade}.
     */
    private boolean skipInterim(Object message) {
        if (message instanceof HttpResponse response && response.status().codeClass()
                == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
            interim = true;
            return true;
        }
        if (interim && message instanceof LastHttpContent) {
            interim = false;
            return true;
        }
        return false;
    }

    /** Hop-by-hop fields out; the client hop framed by length or chunks, or ended by a close. */
    private void reframe(HttpResponse response) {
        boolean chunked = HttpUtil.isTransferEncodingChunked(response);
        reusable = HttpUtil.isKeepAlive(response)
                && (chunked || HttpUtil.isContentLengthSet(response) || !mayHaveBody(response));
        HopByHopHeaders.strip(response.headers());
        if (chunked) {
            HttpUtil.setTransferEncodingChunked(response, true);
        } else if (!HttpUtil.isContentLengthSet(response) && mayHaveBody(response)) {
            // Delimited by the upstream closing (RFC 9112 §6.3 (8)): so must the client hop be.
            keepAlive = false;
        }
        response.headers().set(PlainResponse.REQUEST_ID, exchange.requestId());
        if (exchange.wafRulesHeader() != null) {
            response.headers().set(PlainResponse.WAF_RULES, exchange.wafRulesHeader());
        }
        HttpUtil.setKeepAlive(response, keepAlive);
    }

    private boolean mayHaveBody(HttpResponse response) {
        int code = response.status().code();
        return !exchange.method().equals("HEAD") && code >= 200 && code != 204 && code != 304;
    }

    private void finish(ChannelHandlerContext ctx) {
        state = State.DONE;
        log.write(exchange, status);
        detach.accept(ctx.channel());
        if (reusable) {
            pool.release(ctx.channel());
        } else {
            ctx.close();
        }
        if (!keepAlive) {
            client.close();
        }
    }

    /** Allows one more attempt on a new connection if this (pooled) one is lost before any response. */
    void retryWith(Runnable again) {
        retry = again;
    }

    /** The connection failed before any response byte: retry if allowed, else answer {@code code}. */
    void lostBeforeResponse(int code, String text) {
        if (state == State.WAITING && retry != null) {
            Runnable again = retry;
            retry = null;
            state = State.DONE;
            again.run();
            return;
        }
        failOrCut(code, text);
    }

    /** Called when there will be no response at all (connect failed, or send failed). */
    void failBeforeResponse(int code, String text) {
        if (state != State.WAITING) {
            return;
        }
        state = State.DONE;
        log.write(exchange, code);
        PlainResponse.send(client, code, text, exchange.requestId(), keepAlive);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            if (state != State.DONE) {
                metrics.upstreamError(ProxyMetrics.UpstreamError.TIMEOUT);
            }
            failOrCut(504, "Gateway Timeout: the upstream did not answer in time.");
        } else {
            lostBeforeResponse(502, "Bad Gateway: the upstream connection failed.");
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lostBeforeResponse(502, "Bad Gateway: the upstream closed the connection without a response.");
        ctx.fireChannelInactive();
    }

    private void failOrCut(int code, String text) {
        if (responsePhases.holding()) {
            responsePhases.discard();
        }
        if (state == State.WAITING) {
            failBeforeResponse(code, text);
        } else if (state == State.STREAMING) {
            state = State.DONE;
            log.write(exchange, status);
            client.close();
        }
    }
}
