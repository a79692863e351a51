package dev.palisade.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import dev.palisade.proxy.demo.DemoUpstream;
import dev.palisade.proxy.pipeline.PolicyBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the scenarios through the running proxies and prints one line for each: what the client
 * got and what the proxy's decision log says decided it. A line is flagged when the response is
 * not what the loaded policy says (the same request decided with the bundle directly).
 */
public final class DemoReplay {
    /** Connecting, sending and reading one request, and waiting for its log line: each at most this. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final String ROW = "%-12s %-8s %-27s %-6s %s%n";

    /** Where one workload's proxy listens, and the bundle it decides with. */
    public record Target(InetSocketAddress proxy, PolicyBundle bundle) {}

    /** What the replay found. */
    public record Summary(int requests, int forwarded, int denied, int errors, int unexpected) {
        public boolean clean() {
            return errors == 0 && unexpected == 0;
        }

        @Override
        public String toString() {
            return requests + " requests: " + forwarded + " allowed and forwarded, " + denied + " denied, " + errors
                    + (errors == 1 ? " error" : " errors")
                    + (unexpected == 0 ? "" : ", " + unexpected + " not what the policy says");
        }
    }

    private final Map<String, Target> targets;
    private final DecisionRecorder decisions;
    private final PrintWriter out;

    public DemoReplay(Map<String, Target> targets, DecisionRecorder decisions, PrintWriter out) {
        this.targets = Map.copyOf(targets);
        this.decisions = decisions;
        this.out = out;
    }

    /** Sends every scenario in order; stops sending (counting the rest as errors) once the deadline passes. */
    public Summary run(List<DemoScenario> scenarios, Instant deadline) throws InterruptedException {
        int forwarded = 0;
        int denied = 0;
        int errors = 0;
        int unexpected = 0;
        out.printf(ROW, "workload", "method", "target", "status", "decided by (from the proxy's decision log)");
        for (DemoScenario scenario : scenarios) {
            Outcome outcome = Instant.now().isAfter(deadline)
                    ? Outcome.error("not sent: the demo's time budget is spent")
                    : send(scenario);
            out.printf(ROW, scenario.workload(), scenario.method(), scenario.target(), outcome.status, outcome.text);
            if (scenario.note() != null) {
                out.println("    " + scenario.note());
            }
            switch (outcome.kind) {
                case FORWARDED -> forwarded++;
                case DENIED -> denied++;
                case ERROR -> errors++;
            }
            unexpected += outcome.unexpected ? 1 : 0;
        }
        return new Summary(scenarios.size(), forwarded, denied, errors, unexpected);
    }

    private enum Kind { FORWARDED, DENIED, ERROR }

    private record Outcome(Kind kind, String status, String text, boolean unexpected) {
        static Outcome error(String why) {
            return new Outcome(Kind.ERROR, "-", "error: " + why, false);
        }
    }

    private Outcome send(DemoScenario scenario) throws InterruptedException {
        Target target = targets.get(scenario.workload());
        DemoClient.Response response;
        try {
            response = DemoClient.exchange(target.proxy(), scenario, REQUEST_TIMEOUT);
        } catch (IOException failed) {
            return Outcome.error(failed.getMessage() == null ? failed.toString() : failed.getMessage());
        }
        String requestId = response.header("X-Request-Id");
        Optional<JsonNode> logged = requestId == null ? Optional.empty() : decisions.await(requestId, REQUEST_TIMEOUT);
        if (logged.isEmpty()) {
            return Outcome.error(response.status() + " without a decision log line"
                    + (requestId == null ? " (no X-Request-Id)" : " for request " + requestId));
        }
        JsonNode line = logged.get();
        boolean allowed = "allow".equals(text(line, "action"));
        Expected expected = expected(target, scenario);
        String expectedBody = DemoUpstream.answer(scenario.method(), scenario.target());
        boolean asPolicySays = expected.status() == 200
                ? allowed && response.status() == 200 && response.body().equals(expectedBody)
                : !allowed && response.status() == expected.status();
        String decidedBy = decidedBy(line) + (asPolicySays ? ""
                : "  UNEXPECTED: expected " + (expected.status() == 200 ? "the upstream's 200" : expected.status())
                        + ", as the policy says: " + expected.why());
        return new Outcome(allowed ? Kind.FORWARDED : Kind.DENIED, String.valueOf(response.status()), decidedBy,
                !asPolicySays);
    }

    private record Expected(int status, String why) {}

    /** What the loaded bundle says, worked out without the proxy: ALP first, then each WAF. */
    private static Expected expected(Target target, DemoScenario scenario) {
        Decision alp = target.bundle().policy().decide(target.bundle().selection(),
                AlpRequest.of(scenario.method(), scenario.target()));
        if (!alp.allowed()) {
            return new Expected(alp.status(), alp.summary());
        }
        WafRequest request = DemoClient.wafRequest(target.proxy(), scenario);
        for (WafEngine waf : target.bundle().selectedWafs()) {
            WafResult result = waf.inspect(request);
            if (result.interrupted()) {
                return new Expected(result.interruption().getAsInt(), "the WAF blocks it (rules " + result.firedIds() + ")");
            }
        }
        return new Expected(200, alp.summary());
    }

    /** As {@code Decision.summary} words it, from the log line's fields. */
    private static String decidedBy(JsonNode line) {
        if ("waf".equals(text(line, "denied_by"))) {
            return "deny by the WAF: rules " + wafIds(line);
        }
        StringBuilder text = new StringBuilder(text(line, "action"));
        String reason = text(line, "reason");
        switch (reason == null ? "" : reason) {
            case "rule" -> text.append(" by policy ").append(text(line, "policy"))
                    .append(" rule ").append(line.path("rule").asInt());
            case "tier_default" -> text.append(" by default of tier ").append(text(line, "tier"));
            case "end_of_tiers" -> text.append(" at the end of all tiers");
            case "no_policy" -> text.append(": no ALP policy selects the workload");
            default -> text.append(" (reason ").append(reason).append(')');
        }
        String location = text(line, "location");
        if (location != null) {
            text.append(" (").append(location).append(')');
        }
        if (line.has("waf")) {
            text.append("; the WAF logged rules ").append(wafIds(line));
        }
        return text.toString();
    }

    /** {@code 942100, 949110}: the ids of the WAF rules the log line lists. */
    private static String wafIds(JsonNode line) {
        List<String> ids = new ArrayList<>();
        line.path("waf").forEach(match -> ids.add(match.path("id").asText()));
        return String.join(", ", ids);
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
