package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import java.util.List;
import java.util.Optional;

/**
 * Whether an outcome meets a test's expectation: the decision, the status, what decided it, the
 * WAF rules that fired.
 */
final class Expectations {
    private Expectations() {}

    /** Empty when met; otherwise what differs, for the failure report. */
    static Optional<String> unmet(TestDecl.Expectation expected, RequestDecider.Outcome outcome) {
        if (expected.allow() != outcome.allowed()) {
            return Optional.of("expected " + (expected.allow() ? "allow" : "deny") + ", got " + outcome.summary());
        }
        if (!expected.allow() && expected.status().isPresent()) {
            NumberLiteral status = expected.status().get();
            if (status.value().orElse(-1) != outcome.status()) {
                return Optional.of("expected status " + status.text() + ", got " + outcome.summary());
            }
        }
        if (expected.decider().isPresent() && !decided(expected.decider().get(), outcome)) {
            return Optional.of("expected " + (expected.allow() ? "allow " : "deny ") + expected.decider().get().text()
                    + ", got " + outcome.summary());
        }
        List<Long> fired = outcome.waf().map(result -> result.firedIds()).orElse(List.of());
        if (expected.quiet() && !fired.isEmpty()) {
            return Optional.of("expected allow with no WAF rule firing, got " + outcome.summary());
        }
        for (NumberLiteral id : expected.ruleIds()) {
            if (!fired.contains(id.value().orElse(-1))) {
                return Optional.of("expected WAF rule " + id.text() + " to fire, got " + outcome.summary());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the ALP decision was taken as the expectation says. A request the WAF denied was
     * not denied by any ALP rule or default, so a deny's decider is not met then.
     */
    private static boolean decided(TestDecl.Decider decider, RequestDecider.Outcome outcome) {
        Decision alp = outcome.alp();
        if (!expectedAction(alp, outcome)) {
            return false;
        }
        switch (decider.kind()) {
            case RULE:
                return alp.reason() == Reason.RULE && decider.name().orElseThrow().text().equals(alp.policy())
                        && decider.rule().orElseThrow().value().orElse(-1) == alp.rule() + 1;
            case TIER_DEFAULT:
                return alp.reason() == Reason.TIER_DEFAULT && decider.name().orElseThrow().text().equals(alp.tier());
            case ANY_DEFAULT:
                return alp.reason() == Reason.TIER_DEFAULT || alp.reason() == Reason.END_OF_TIERS;
            case END_OF_TIERS:
                return alp.reason() == Reason.END_OF_TIERS;
            default:
                throw new IllegalStateException("unknown decider " + decider.kind());
        }
    }

    /** The ALP decision is the request's decision: it denied, or it allowed and the WAF did not deny. */
    private static boolean expectedAction(Decision alp, RequestDecider.Outcome outcome) {
        return alp.allowed() == outcome.allowed();
    }
}
