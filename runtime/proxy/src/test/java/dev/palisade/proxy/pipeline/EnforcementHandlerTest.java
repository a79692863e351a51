package dev.palisade.proxy.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enforcement on an {@link EmbeddedChannel}: what passes on, what is answered, and failing closed. */
class EnforcementHandlerTest {
    private static final Inspector BROKEN = new Inspector() {
        @Override
        public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
            throw new IllegalStateException("a bug");
        }
    };

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @ParameterizedTest(name = "{0} {1} with {2} → {3}")
    @CsvSource({
            "GET, /, alp, 0",
            "GET, /passwords, alp, 403",
            "GET, /, none loaded, 503",
            "GET, /, broken, 500"})
    void passesOnOrAnswers(String method, String target, String inspectors, int status) {
        PolicyHolder holder = new PolicyHolder();
        if (!inspectors.equals("none loaded")) {
            holder.swap(ProxyFixture.bundle(ProxyFixture.WWW));
        }
        RequestInspection inspection = inspectors.equals("broken")
                ? new RequestInspection(List.of(new AlpInspector(), BROKEN)) : RequestInspection.alpOnly();
        List<String> lines = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new EnforcementHandler(holder, inspection, new DecisionLog(lines::add)));
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target);
        channel.writeInbound(request);
        FullHttpRequest passed = channel.readInbound();
        FullHttpResponse answer = channel.readOutbound();
        try {
            if (status == 0) {
                assertNull(answer);
                assertEquals(32, passed.headers().get("X-Request-Id").length());
                assertTrue(lines.isEmpty(), "allowed requests are logged by the relay, with the upstream's status");
            } else {
                assertNull(passed, "nothing passes on");
                assertEquals(status, answer.status().code());
                assertEquals(status == 403 ? 1 : 0, lines.size(), "denials are logged; failures are not decisions");
                assertFalse(answer.content().toString(java.nio.charset.StandardCharsets.UTF_8).contains("rule"));
            }
        } finally {
            if (passed != null) {
                passed.release();
            }
            if (answer != null) {
                answer.release();
            }
            channel.finishAndReleaseAll();
        }
    }
}
