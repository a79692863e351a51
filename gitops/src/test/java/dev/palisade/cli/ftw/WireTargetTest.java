package dev.palisade.cli.ftw;

import static dev.palisade.cli.ftw.FtwInputs.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Over a real socket on 127.0.0.1, to a tiny raw server. */
class WireTargetTest {

    static FtwStage stage(String method, String uri) {
        return new FtwStage(1, FtwInputs.v1(method, uri, List.of(host()), null), FtwRunnerTest.ids());
    }

    @Test
    void theExactBytesGoOutAndStatusAndRuleHeaderComeBack() throws Exception {
        try (TinyServer server = new TinyServer(head -> head.contains("select")
                ? "HTTP/1.1 403 Forbidden\r\nX-Palisade-Waf-Rules: 942100, 949110\r\nContent-Length: 6\r\n\r\nno way"
                : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            WireTarget target = new WireTarget(server.uri());
            FtwOutcome blocked = target.send(stage("\tGET", "/?q=select"));
            assertEquals("\tGET /?q=select HTTP/1.1\r\nHost: localhost\r\n\r\n", server.requests().get(0));
            assertEquals(OptionalInt.of(403), blocked.status());
            assertEquals(Set.of(942100L, 949110L), blocked.firedIds());
            assertTrue(blocked.rulesVisible());
            assertTrue(blocked.log().contains("[id \"942100\"]"), blocked.log());
            assertEquals("no way", blocked.responseBody().orElseThrow());
            FtwOutcome plain = target.send(stage("GET", "/"));
            assertEquals(OptionalInt.of(200), plain.status());
            assertFalse(plain.rulesVisible(), "no header: the target does not say which rules fired");
            assertEquals(FtwVerdict.Kind.SKIPPED, FtwJudge.judge(FtwRunnerTest.ids(942100L), plain).kind());
        }
    }

    @Test
    void interimResponsesAreSkippedAndCloseEndsTheBody() throws Exception {
        try (TinyServer server = new TinyServer(head ->
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 400 Bad Request\r\nConnection: close\r\n\r\nbad")) {
            FtwOutcome outcome = new WireTarget(server.uri()).send(stage("GET", "/"));
            assertEquals(OptionalInt.of(400), outcome.status());
            assertEquals("bad", outcome.responseBody().orElseThrow());
        }
    }

    @Test
    void noAnswerOrNoStatusLineIsAnHttpError() throws Exception {
        try (TinyServer silent = new TinyServer(head -> null)) {
            FtwOutcome outcome = new WireTarget(silent.uri(), Duration.ofSeconds(1)).send(stage("GET", "/"));
            assertTrue(outcome.httpError().orElseThrow().startsWith("no response within 1 s"), outcome.toString());
        }
        try (TinyServer http09 = new TinyServer(head -> "hello\r\nConnection: close")) {
            FtwOutcome outcome = new WireTarget(http09.uri(), Duration.ofSeconds(1)).send(stage("GET", "/"));
            assertEquals("the response has no HTTP status line: `hello`", outcome.httpError().orElseThrow());
        }
    }

    @Test
    void nothingListeningIsAnHttpErrorAndOnlyThisMachineIsLoopback() throws Exception {
        URI closed;
        try (TinyServer server = new TinyServer(head -> null)) {
            closed = server.uri();
        }
        assertTrue(new WireTarget(closed, Duration.ofSeconds(1)).send(stage("GET", "/")).httpError().isPresent());
        assertTrue(WireTarget.isLoopback(URI.create("http://127.0.0.1:8080")));
        assertTrue(WireTarget.isLoopback(URI.create("http://localhost:8080")));
        assertTrue(WireTarget.isLoopback(URI.create("http://[::1]:8080")));
        assertFalse(WireTarget.isLoopback(URI.create("http://192.0.2.1:8080")));
    }
}
