package dev.palisade.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.decision.Action;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.pipeline.Inspection;
import dev.palisade.proxy.pipeline.Verdict;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact lines, field order and nulls included: log pipelines parse them. */
class DecisionLogTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-24T17:21:14.538095348Z");
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 45132);

    private static final Destination WWW = Destination.of(new Workload(Map.of("app", "www", "tier", "web"), "default"));

    private static Exchange exchange(Decision decision, boolean bodyInspected, Destination destination) {
        Verdict verdict = new Verdict(!decision.allowed(), decision.allowed() ? 0 : decision.status(), "alp", decision);
        return new Exchange("4e72c4f01390e69896bf806ee1f8d66c", RECEIVED, SOURCE, "GET", "/robots.txt\"\u00e9",
                new Inspection(List.of(verdict)), bodyInspected, null, destination);
    }

    @Test
    void anAllowedExchange() {
        List<String> lines = new ArrayList<>();
        Decision allow = new Decision(Action.ALLOW, 0, Reason.RULE, "www", "default", 0, "policies/www.pal:6:9",
                "allow GET, HEAD path exact \"/\"");
        new DecisionLog(lines::add).write(exchange(allow, true, WWW), 200);
        assertEquals(List.of("{\"timestamp\":\"2026-11-24T17:21:14.538095348Z\",\"type\":\"alp\","
                + "\"request_id\":\"4e72c4f01390e69896bf806ee1f8d66c\",\"source_ip\":\"127.0.0.1\",\"source_port\":45132,"
                + "\"dest_service\":\"www\",\"dest_namespace\":\"default\","
                + "\"method\":\"GET\",\"path\":\"/robots.txt\\\"\u00e9\",\"status\":200,\"action\":\"allow\","
                + "\"policy\":\"www\",\"tier\":\"default\",\"rule\":1,\"location\":\"policies/www.pal:6:9\","
                + "\"reason\":\"rule\",\"description\":\"allow GET, HEAD path exact \\\"/\\\"\"}"), lines);
    }

    @Test
    void aDefaultDenialWithTheBodyNotInspected() {
        List<String> lines = new ArrayList<>();
        Decision deny = new Decision(Action.DENY, 403, Reason.TIER_DEFAULT, null, "default", -1, null,
                "no rule of tier default matched");
        // No app label: every label names the service, sorted; no namespace is a null, not an absent field.
        Destination unnamed = Destination.of(new Workload(Map.of("tier", "web", "role", "front"), null));
        new DecisionLog(lines::add).write(exchange(deny, false, unnamed), 403);
        assertEquals(List.of("{\"timestamp\":\"2026-11-24T17:21:14.538095348Z\",\"type\":\"alp\","
                + "\"request_id\":\"4e72c4f01390e69896bf806ee1f8d66c\",\"source_ip\":\"127.0.0.1\",\"source_port\":45132,"
                + "\"dest_service\":\"role=front,tier=web\",\"dest_namespace\":null,"
                + "\"method\":\"GET\",\"path\":\"/robots.txt\\\"\u00e9\",\"status\":403,\"action\":\"deny\","
                + "\"policy\":null,\"tier\":\"default\",\"rule\":null,\"location\":null,\"reason\":\"tier_default\","
                + "\"description\":\"no rule of tier default matched\",\"denied_by\":\"alp\",\"body_inspected\":false}"),
                lines);
    }

    @Test
    void aRejectionWithoutARequestLine() {
        List<String> lines = new ArrayList<>();
        new DecisionLog(lines::add).writeRejection(null, null, null, 400, "both Transfer-Encoding and Content-Length");
        String line = lines.get(0);
        assertEquals("\"type\":\"protocol\",\"source_ip\":null,\"source_port\":null,\"method\":null,\"path\":null,"
                + "\"status\":400,\"action\":\"reject\",\"reason\":\"both Transfer-Encoding and Content-Length\"}",
                line.substring(line.indexOf("\"type\"")));
    }
}
