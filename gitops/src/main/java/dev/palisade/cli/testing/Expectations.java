package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.TestDecl;
import java.util.List;
import java.util.Optional;

/** Whether an outcome meets a test's expectation: the decision, the status, the WAF rules that fired. */
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
}
