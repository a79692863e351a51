package dev.palisade.cli.testing;

import dev.palisade.cli.testing.JqwikSearch.Counterexample;
import dev.palisade.cli.testing.PropertyRequests.Generated;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a test block's properties: each {@code for all} statement on {@code tries} generated
 * requests. A failure reports the shrunk counterexample, the rule that decided it (file:line), the
 * request first found, and the run's seed: {@code palisade test --seed SEED} replays the run.
 */
public final class PropertyRunner {
    private final long seed;
    private final int tries;
    private final List<String> rulePaths;
    private final Coverage coverage;

    /** @param rulePaths the bundle's rule paths, where generation concentrates */
    public PropertyRunner(long seed, int tries, List<String> rulePaths, Coverage coverage) {
        this.seed = seed;
        this.tries = tries;
        this.rulePaths = List.copyOf(rulePaths);
        this.coverage = coverage;
    }

    public long seed() {
        return seed;
    }

    public TestResult run(TestDecl.Property property, RequestDecider.Target target, Workload workload) {
        String name = "property \"" + property.title().value() + "\"";
        int index = 0;
        for (TestDecl.Quantifier statement : property.statements()) {
            // Each statement has its own stream, fixed by the run's seed: one seed replays the whole run.
            long statementSeed = seed * 31 + (property.title().value() + "#" + index++).hashCode();
            Optional<Counterexample<Generated>> counterexample = JqwikSearch.search(
                    PropertyRequests.of(statement, rulePaths), statementSeed, tries, generated -> {
                        RequestDecider.Outcome outcome = target.decide(request(generated, workload));
                        coverage.record(outcome);
                        return Expectations.unmet(statement.expected(), outcome);
                    });
            if (counterexample.isPresent()) {
                Counterexample<Generated> found = counterexample.get();
                List<String> details = new ArrayList<>();
                details.add(describe(statement));
                details.add("counterexample: " + request(found.shrunk(), workload).describe());
                details.add(found.failure());
                details.add("shrunk from " + request(found.original(), workload).describe()
                        + "; replay with --seed " + seed);
                return new TestResult(TestResult.Kind.PROPERTY, name, TestResult.Outcome.FAIL, details, statement.span());
            }
        }
        return new TestResult(TestResult.Kind.PROPERTY, name, TestResult.Outcome.PASS,
                List.of(property.statements().size() == 1 ? tries + " generated requests"
                        : tries + " generated requests for each of " + property.statements().size() + " statements"),
                property.span());
    }

    private static TestRequest request(Generated generated, Workload workload) {
        return TestRequest.of(generated.method(), generated.target(), workload);
    }

    /** The statement as a reader would write it: {@code for all GET paths not in ["/"] -> deny}. */
    static String describe(TestDecl.Quantifier statement) {
        StringBuilder text = new StringBuilder("for all ");
        if (!statement.methods().isEmpty()) {
            text.append(statement.methods().stream().map(MethodRef::name).collect(Collectors.joining(", "))).append(' ');
        }
        text.append("paths");
        statement.paths().ifPresent(set -> {
            text.append(set.negated() ? " not" : "");
            List<String> quoted = set.paths().stream().map(StringLiteral::value).map(path -> "\"" + path + "\"").toList();
            text.append(set.prefix() ? " under " + String.join(", ", quoted) : " in [" + String.join(", ", quoted) + "]");
        });
        TestDecl.Expectation expected = statement.expected();
        text.append(" -> ").append(expected.allow() ? "allow" : "deny");
        expected.status().ifPresent(status -> text.append(' ').append(status.text()));
        return text.toString();
    }
}
