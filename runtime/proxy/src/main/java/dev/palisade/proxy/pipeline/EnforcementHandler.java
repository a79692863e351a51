package dev.palisade.proxy.pipeline;

import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.Destination;
import dev.palisade.proxy.log.Exchange;
import dev.palisade.proxy.server.PlainResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides each complete request with the current bundle. A denied request is answered here
 * (the decision's status, a text naming the request id, nothing about the rule) and logged;
 * an allowed one gets its {@code X-Request-Id} and goes on to the relay, which logs it with the
 * upstream's status.
 */
public final class EnforcementHandler extends ChannelInboundHandlerAdapter {
    /** The exchange being relayed, for the relay's log line. */
    public static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("palisade.exchange");
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final PolicyHolder holder;
    private final RequestInspection inspection;
    private final DecisionLog log;
    /** Bodies longer than this arrive only with {@code pass-uninspected}; they are not inspected. */
    private final int inspectedBodyLimit;
    /** The listener's workload, named in every line it logs. */
    private final Destination destination;

    public EnforcementHandler(PolicyHolder holder, RequestInspection inspection, DecisionLog log) {
        this(holder, inspection, log, Integer.MAX_VALUE, Destination.UNKNOWN);
    }

    public EnforcementHandler(PolicyHolder holder, RequestInspection inspection, DecisionLog log,
            int inspectedBodyLimit, Destination destination) {
        this.holder = holder;
        this.inspection = inspection;
        this.log = log;
        this.inspectedBodyLimit = inspectedBodyLimit;
        this.destination = destination;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        String requestId = requestId();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Optional<PolicyBundle> bundle = holder.current();
        if (bundle.isEmpty()) {
            request.release();
            PlainResponse.send(ctx.channel(), 503, "Service Unavailable: no policy loaded yet.", requestId, keepAlive);
            return;
        }
        // Before the decision, so the request duration metric covers deciding as well as forwarding.
        Instant received = Instant.now();
        boolean bodyInspected = request.content().readableBytes() <= inspectedBodyLimit;
        SocketAddress remote = ctx.channel().remoteAddress();
        InetSocketAddress client = remote instanceof InetSocketAddress address ? address : null;
        Inspection result;
        try {
            result = bodyInspected ? inspection.inspect(bundle.get(), request, request.content(), client)
                    : inspection.inspectWithoutBody(bundle.get(), request, client);
        } catch (RuntimeException internal) {
            // Fail closed: a request that could not be decided is not forwarded.
            request.release();
            System.err.println("palisade: internal error deciding request " + requestId + ": " + internal
                    + " (this is a bug in Palisade, not in the policy)");
            PlainResponse.send(ctx.channel(), 500, "Internal Server Error: the request could not be decided.",
                    requestId, false);
            return;
        }
        String wafRules = inspection.wafRulesHeader() ? result.wafRuleIds() : null;
        Exchange exchange = new Exchange(requestId, received, client,
                request.method().name(), request.uri(), result, bodyInspected, wafRules, destination);
        if (result.denied()) {
            request.release();
            log.write(exchange, result.status());
            PlainResponse.send(ctx.channel(), result.status(), "Request denied by policy.", requestId, keepAlive,
                    wafRules);
            return;
        }
        request.headers().set(PlainResponse.REQUEST_ID, requestId);
        ctx.channel().attr(EXCHANGE).set(exchange);
        ctx.fireChannelRead(request);
    }

    /**
     * 128 random bits in hex; not a secret, only unique enough to find one log line. By hand
     * rather than {@code String.format}, whose parsing showed in the per-request profile.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] hex = new byte[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int index = 15; index >= 0; index--) {
            hex[index] = HEX_DIGITS[(int) (high & 0xf)];
            hex[index + 16] = HEX_DIGITS[(int) (low & 0xf)];
            high >>>= 4;
            low >>>= 4;
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }
}
