package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.request.AlpRequest;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import dev.palisade.proxy.testing.RecordingUpstream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Over the wire, the proxy forwards exactly what the compiled policy allows: for requests built
 * from the www policy's paths and mutated (case, dot segments, escapes, doubled slashes, matrix
 * parameters), a 403 comes back if and only if the engine denies, a denied request never reaches
 * the upstream, and an allowed one reaches it with its target unchanged. Tries are few: every one is a real connection.
 */
class ForwardingProperties {
    private static final String[] PIECES = {
        "/", "/", "/", "robots.txt", "ROBOTS.txt", "passwords", ".git", "HEAD", ".", "..", "%2e", "%2e%2e", "%2E",
        ";", ";x=1", "%2f", "%252e", "%00", "%41", "?q=1", "#f", "login.php", "robots%2etxt", "~",
    };

    private static RecordingUpstream upstream;
    private static ProxyFixture proxy;

    @BeforeContainer
    static void start() throws Exception {
        upstream = new RecordingUpstream();
        proxy = new ProxyFixture(upstream.address(), ProxyFixture.WWW);
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        proxy.close();
        upstream.close();
        LeakTracker.assertNoLeaks();
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> mutated = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(8)
                .map(pieces -> String.join("", pieces));
        return Arbitraries.oneOf(mutated.map(text -> "/" + text), Arbitraries.of("/", "/robots.txt"));
    }

    @Property(tries = 60)
    void forwardedExactlyWhenThePolicyAllows(@ForAll("targets") String target,
            @ForAll("methods") String method) throws Exception {
        PolicyBundle bundle = proxy.holder.current().orElseThrow();
        boolean allowed = bundle.policy().decide(bundle.selection(), AlpRequest.of(method, target)).allowed();
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(proxy.address())) {
            http.send(method + " " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            response = http.read();
        }
        String requestId = response.header("X-Request-Id");
        List<RecordingUpstream.Seen> seen = upstream.seen().stream()
                .filter(request -> requestId != null && requestId.equals(request.header("X-request-id"))).toList();
        if (target.indexOf('#') >= 0) {
            // RFC 9112 §3.2: no fragment in a request-target; refused before the policy runs.
            assertEquals(400, response.status(), method + " " + target);
            assertTrue(seen.isEmpty(), method + " " + target + " reached the upstream");
        } else if (allowed) {
            assertTrue(response.status() != 403 && !response.text().startsWith("Request denied"), method + " " + target);
            // The JDK's HttpServer answers some targets itself (400 for "//"); the others reach it as sent.
            if (response.status() == 200) {
                assertEquals(1, seen.size(), method + " " + target);
                assertEquals(target, seen.get(0).target(), "the target is forwarded as received");
            }
        } else {
            assertEquals(403, response.status(), method + " " + target);
            assertTrue(seen.isEmpty(), method + " " + target + " reached the upstream");
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "GET", "POST", "OPTIONS", "DELETE");
    }
}
