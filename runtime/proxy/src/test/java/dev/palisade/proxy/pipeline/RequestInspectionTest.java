package dev.palisade.proxy.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.testing.ProxyFixture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestInspectionTest {
    private static final PolicyBundle WWW = ProxyFixture.bundle(ProxyFixture.WWW);

    /** Stands in for the WAF: records the phases it was asked about, denies bodies saying "attack". */
    private static final class RecordingInspector implements Inspector {
        final List<String> phases = new ArrayList<>();

        @Override
        public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
            phases.add("headers " + request.uri());
            return Verdict.CONTINUE;
        }

        @Override
        public Verdict onBody(PolicyBundle bundle, HttpRequest request, ByteBuf body) {
            phases.add("body " + body.readableBytes());
            return body.toString(java.nio.charset.StandardCharsets.UTF_8).contains("attack")
                    ? new Verdict(true, 406, "waf", null) : Verdict.CONTINUE;
        }
    }

    private static Inspection inspect(RequestInspection inspection, HttpMethod method, String target, String body) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
                Unpooled.copiedBuffer(body, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return inspection.inspect(WWW, request, request.content());
        } finally {
            request.release();
        }
    }

    @Test
    void alpAllowsListedPathsAndCarriesTheDecisionForTheLog() {
        Inspection result = inspect(RequestInspection.alpOnly(), HttpMethod.GET, "/robots.txt", "");
        assertFalse(result.denied());
        assertEquals("www", result.alpDecision().policy());
    }

    @Test
    void alpDeniesWithTheDecisionsStatus() {
        Inspection result = inspect(RequestInspection.alpOnly(), HttpMethod.GET, "/%2e%2e/passwords", "");
        assertTrue(result.denied());
        assertEquals(403, result.status());
    }

    @Test
    void anAlpDenialStopsBeforeLaterInspectorsRun() {
        RecordingInspector waf = new RecordingInspector();
        Inspection result = inspect(new RequestInspection(List.of(new AlpInspector(), waf)), HttpMethod.GET,
                "/login.php", "");
        assertTrue(result.denied());
        assertEquals(List.of(), waf.phases);
    }

    @Test
    void headersPhaseRunsForAllInspectorsBeforeAnyBodyPhase() {
        RecordingInspector waf = new RecordingInspector();
        Inspection result = inspect(new RequestInspection(List.of(new AlpInspector(), waf)), HttpMethod.GET, "/",
                "an attack");
        assertEquals(List.of("headers /", "body 9"), waf.phases);
        assertTrue(result.denied());
        assertEquals(406, result.status());
        assertEquals("www", result.alpDecision().policy(), "the ALP allow is still there for the log");
    }

    @Test
    void holderSwapsAtomicallyAndRefusesNothing() {
        PolicyHolder holder = new PolicyHolder();
        assertTrue(holder.current().isEmpty());
        assertTrue(holder.swap(WWW).isEmpty());
        PolicyBundle productpage = ProxyFixture.bundle(ProxyFixture.PRODUCTPAGE);
        assertSame(WWW, holder.swap(productpage).orElseThrow());
        assertSame(productpage, holder.current().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> holder.swap(null));
        assertNull(Verdict.CONTINUE.decision());
    }
}
