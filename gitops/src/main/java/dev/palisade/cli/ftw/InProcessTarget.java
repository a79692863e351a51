package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafResult;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs stages through a {@link WafEngine} in this process: the stage's exact bytes
 * ({@link RawRequests}) are parsed as a front end would ({@link RawRequestParser}), then inspected.
 * The status is the engine's interruption status, else 200 (the reference ran in detection mode,
 * so mostly the fired ids matter; there is no backend, so a 404 from one cannot be had). A request
 * the HTTP layer refuses gets that status and runs no rule; one that would get no answer is an HTTP
 * error.
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
        WafResult result = engine.inspect(((ParsedRequest.Accepted) parsed).request());
        Set<Long> ids = new LinkedHashSet<>();
        for (RuleMatch match : result.matches()) {
            ids.add(match.id());
        }
        return new FtwOutcome(OptionalInt.of(result.interruption().orElse(200)), ids,
                ErrorLog.render(result.matches()), true, Optional.empty(), Optional.empty());
    }
}
