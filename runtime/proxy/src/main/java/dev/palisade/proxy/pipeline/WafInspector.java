package dev.palisade.proxy.pipeline;

import dev.palisade.engine.waf.PhaseRunner;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WAF of the policies that select the listener's workload ({@link PolicyBundle#selectedWafs()}),
 * in policy order, once the body is read: ModSecurity's phases 1 and 2 run together, because a
 * transaction needs both. The first WAF that interrupts decides; in detection mode nothing
 * interrupts and the rules that fired go to the decision log. The transactions stay open in the
 * verdict, so the relay can run the response phases on the upstream's answer.
 */
public final class WafInspector implements Inspector {

    @Override
    public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
        return Verdict.CONTINUE;
    }

    @Override
    public Verdict onBody(PolicyBundle bundle, HttpRequest request, ByteBuf body, InetSocketAddress client) {
        List<WafEngine> wafs = bundle.selectedWafs();
        if (wafs.isEmpty()) {
            return Verdict.CONTINUE;
        }
        WafRequest wafRequest = wafRequest(request, body, client);
        List<WafExchange> open = new ArrayList<>();
        WafResult last = null;
        for (WafEngine waf : wafs) {
            WafExchange exchange = waf instanceof PhaseRunner runner ? WafExchange.begin(runner, wafRequest) : null;
            WafResult result = exchange != null ? exchange.requestResult() : waf.inspect(wafRequest);
            if (exchange != null) {
                open.add(exchange);
            }
            if (result.interrupted()) {
                return new Verdict(true, result.interruption().getAsInt(), "waf", null, result, open);
            }
            last = result;
        }
        return new Verdict(false, 0, "waf", null, last, open);
    }

    /** The request as the WAF reads it: byte strings, headers as sent, the body when it was inspected. */
    static WafRequest wafRequest(HttpRequest request, ByteBuf body, InetSocketAddress client) {
        List<WafRequest.Header> headers = new ArrayList<>(request.headers().size());
        for (Map.Entry<String, String> header : request.headers()) {
            headers.add(new WafRequest.Header(header.getKey(), latin1(header.getValue())));
        }
        byte[] bytes = body == null ? new byte[0] : ByteBufUtil.getBytes(body, body.readerIndex(), body.readableBytes());
        String address = client == null ? "0.0.0.0" : client.getAddress().getHostAddress();
        int port = client == null ? 0 : client.getPort();
        return new WafRequest(request.method().name(), request.uri(), request.protocolVersion().text(), headers, bytes,
                address, port, "0.0.0.0", 0);
    }

    /** Netty decodes header bytes as ISO-8859-1 already; this keeps any wider char a byte string too. */
    private static String latin1(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return value;
    }
}
