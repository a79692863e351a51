package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.PhaseRunner;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResponse;
import dev.palisade.engine.waf.WafResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs stages through a {@link WafEngine} in this process: the stage's exact bytes
 * ({@link RawRequests}) are parsed as a front end would ({@link RawRequestParser}), then inspected.
 * When the engine can run phases ({@link PhaseRunner}: the interpreter), the whole exchange runs: the
 * request phases, then the response of an in-process emulation of the suite's backend
 * ({@link ReflectBackend}, albedo's {@code /reflect}) through phases 3 to 5, so the response rules
 * (95x, 980170) see what they would behind a real server. The status is the interruption's, else
 * the backend's. Other engines inspect the request only, and the status is the interruption's or
 * 200. A request the HTTP layer refuses gets that status and runs no rule; one that would get no
 * answer is an HTTP error.
 */
public final class InProcessTarget implements FtwTarget {
    private final WafEngine engine;

    public InProcessTarget(WafEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public FtwOutcome send(FtwStage stage) {
        ParsedRequest parsed = RawRequestParser.parse(RawRequests.build(stage.input()), stage.input().port());
        if (parsed instanceof ParsedRequest.Unanswered unanswered) {
            return FtwOutcome.httpError(unanswered.reason());
        }
        if (parsed instanceof ParsedRequest.Refused refused) {
            return new FtwOutcome(OptionalInt.of(refused.status()), Set.of(), "", true, Optional.empty(),
                    Optional.empty());
        }
        WafRequest request = ((ParsedRequest.Accepted) parsed).request();
        if (engine instanceof PhaseRunner runner) {
            return exchange(runner, request);
        }
        WafResult result = engine.inspect(request);
        return outcome(result, result.interruption().orElse(200), Optional.empty());
    }

    private static FtwOutcome exchange(PhaseRunner runner, WafRequest request) {
        WafExchange exchange = WafExchange.begin(runner, request);
        WafResult requestResult = exchange.requestResult();
        if (requestResult.interrupted()) {
            // The backend is never reached: the client gets the WAF's answer, which phase 5 still sees.
            int status = requestResult.interruption().getAsInt();
            WafResult result = exchange.respond(new WafResponse(status, "HTTP/1.1", List.of(), new byte[0]));
            return outcome(result, status, Optional.of(""));
        }
        WafResponse response = ReflectBackend.answer(request);
        WafResult result = exchange.respond(response);
        if (result.interrupted()) {
            return outcome(result, result.interruption().getAsInt(), Optional.of(""));
        }
        return outcome(result, response.status(),
                Optional.of(new String(response.body(), StandardCharsets.ISO_8859_1)));
    }

    private static FtwOutcome outcome(WafResult result, int status, Optional<String> body) {
        Set<Long> ids = new LinkedHashSet<>();
        for (RuleMatch match : result.matches()) {
            ids.add(match.id());
        }
        return new FtwOutcome(OptionalInt.of(status), ids, ErrorLog.render(result.matches()), true,
                Optional.empty(), body);
    }
}
