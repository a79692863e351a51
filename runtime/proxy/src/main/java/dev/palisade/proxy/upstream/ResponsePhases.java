package dev.palisade.proxy.upstream;

import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResponse;
import dev.palisade.engine.waf.WafResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The WAF's response phases (3 to 5) on the upstream's answer, for the relay: which responses
 * must be held back until their first bytes were inspected, the held parts, and the verdict.
 * A response whose type no WAF inspects is judged on its head alone, before it is sent on.
 * Bytes past the inspection limit are not inspected (ModSecurity's {@code ProcessPartial}).
 */
final class ResponsePhases {
    private final List<WafExchange> exchanges;
    private final List<HttpObject> held = new ArrayList<>();
    private HttpResponse head;
    private int heldBytes;
    private int limit;

    ResponsePhases(List<WafExchange> exchanges) {
        this.exchanges = List.copyOf(exchanges);
    }

    boolean active() {
        return !exchanges.isEmpty();
    }

    /** Whether some WAF inspects this response's body (its type, and it may have one). */
    boolean inspectsBody(HttpResponse response, boolean mayHaveBody) {
        String type = response.headers().get("Content-Type");
        limit = 0;
        for (WafExchange exchange : exchanges) {
            if (exchange.responseBodyAccess().inspects(type)) {
                limit = Math.max(limit, exchange.responseBodyAccess().limit());
            }
        }
        return mayHaveBody && limit > 0;
    }

    /** Starts holding a response back. */
    void hold(HttpResponse response) {
        head = response;
    }

    boolean holding() {
        return head != null;
    }

    HttpResponse head() {
        return head;
    }

    /** Keeps a part; true when enough is held to judge (the end, or the inspection limit). */
    boolean add(HttpObject part, boolean last) {
        held.add(part);
        if (part instanceof HttpContent content) {
            heldBytes += content.content().readableBytes();
        }
        return last || heldBytes >= limit;
    }

    /** The held parts, head first, handed over to be written (or released); holding ends. */
    List<HttpObject> release() {
        List<HttpObject> parts = new ArrayList<>();
        if (!held.contains(head)) {
            parts.add(head);
        }
        parts.addAll(held);
        held.clear();
        heldBytes = 0;
        head = null;
        return parts;
    }

    void discard() {
        for (HttpObject part : release()) {
            ReferenceCountUtil.release(part);
        }
    }

    /** Runs phases 3 to 5 of every WAF on {@code response} with the held body; the status of an interruption, if any. */
    OptionalInt judge(HttpResponse response) {
        byte[] body = heldBody();
        List<WafRequest.Header> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : response.headers()) {
            headers.add(new WafRequest.Header(header.getKey(), header.getValue()));
        }
        WafResponse wafResponse = new WafResponse(response.status().code(), response.protocolVersion().text(), headers, body);
        OptionalInt interruption = OptionalInt.empty();
        for (WafExchange exchange : exchanges) {
            WafResult result = exchange.respond(wafResponse);
            if (interruption.isEmpty() && result.interrupted()) {
                interruption = result.interruption();
            }
        }
        return interruption;
    }

    private byte[] heldBody() {
        byte[] body = new byte[Math.min(heldBytes, limit)];
        int at = 0;
        for (HttpObject part : held) {
            if (part instanceof HttpContent content && at < body.length) {
                ByteBuf bytes = content.content();
                int take = Math.min(bytes.readableBytes(), body.length - at);
                System.arraycopy(ByteBufUtil.getBytes(bytes, bytes.readerIndex(), take), 0, body, at, take);
                at += take;
            }
        }
        return body;
    }
}
