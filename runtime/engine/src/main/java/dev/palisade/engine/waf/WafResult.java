package dev.palisade.engine.waf;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the WAF decided for one request.
 *
 * @param interruption the status to answer with when a disruptive action fired (in blocking mode);
 *     empty when the request may go on
 * @param matches every logged rule match, in evaluation order (also in detection mode)
 * @param skipped rule ids the engine could not evaluate (an unsupported operator), never silently passed
 */
public record WafResult(OptionalInt interruption, List<RuleMatch> matches, List<Long> skipped) {
    public WafResult {
        matches = List.copyOf(matches);
        skipped = List.copyOf(skipped);
    }

    public boolean interrupted() {
        return interruption.isPresent();
    }

    /** The ids of every logged match, in order; what a regression test's {@code log_contains} reads. */
    public List<Long> firedIds() {
        return matches.stream().map(RuleMatch::id).toList();
    }
}
