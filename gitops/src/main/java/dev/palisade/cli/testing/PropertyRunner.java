package dev.palisade.cli.testing;

import dev.palisade.cli.testing.JqwikSearch.Counterexample;
import dev.palisade.cli.testing.PropertyRequests.Generated;
import dev.palisade.compiler.check.CheckTests;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
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
            List<String> corpus;
            try {
                corpus = statement.form().isPresent()
                        ? CheckTests.corpusLines(CheckTests.corpusFile(statement.form().get())) : List.of();
            } catch (IOException | UncheckedIOException unreadable) {
                return new TestResult(TestResult.Kind.PROPERTY, name, TestResult.Outcome.FAIL,
                        List.of(describe(statement), "cannot read the corpus: " + unreadable.getMessage()), statement.span());
            }
            Optional<Counterexample<Generated>> counterexample = JqwikSearch.search(
                    PropertyRequests.of(statement, rulePaths, corpus), statementSeed, tries, generated -> {
                        RequestDecider.Outcome outcome = target.decide(request(statement, generated, workload));
                        coverage.record(outcome);
                        return Expectations.unmet(statement.expected(), outcome);
                    });
            if (counterexample.isPresent()) {
                Counterexample<Generated> found = counterexample.get();
                List<String> details = new ArrayList<>();
                details.add(describe(statement));
                details.add("counterexample: " + request(statement, found.shrunk(), workload).describe());
                details.add(found.failure());
                details.add("shrunk from " + request(statement, found.original(), workload).describe()
                        + "; replay with --seed " + seed);
                return new TestResult(TestResult.Kind.PROPERTY, name, TestResult.Outcome.FAIL, details, statement.span());
            }
        }
        return new TestResult(TestResult.Kind.PROPERTY, name, TestResult.Outcome.PASS,
                List.of(property.statements().size() == 1 ? tries + " generated requests"
                        : tries + " generated requests for each of " + property.statements().size() + " statements"),
                property.span());
    }

    private static TestRequest request(TestDecl.Quantifier statement, Generated generated, Workload workload) {
        Optional<TestRequest.Argument> argument = statement.form().flatMap(form -> generated.value()
                .map(value -> new TestRequest.Argument(form.field().text(), value)));
        return TestRequest.generated(generated.method(), generated.target(),
                statement.sourceServiceAccount().map(StringLiteral::value).orElse(null),
                statement.sourceNamespace().map(StringLiteral::value).orElse(null), argument, workload);
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
        statement.sourceServiceAccount().ifPresent(account -> text.append(" from serviceaccount \"").append(account.value()).append('"'));
        statement.sourceNamespace().ifPresent(namespace -> text.append(statement.sourceServiceAccount().isPresent()
                ? " namespace \"" : " from namespace \"").append(namespace.value()).append('"'));
        statement.form().ifPresent(form -> text.append(" form ").append(form.field().text()).append(" from \"")
                .append(form.file().value()).append('"'));
        TestDecl.Expectation expected = statement.expected();
        text.append(" -> ").append(expected.allow() ? (expected.quiet() ? "allow quietly" : "allow") : "deny");
        expected.status().ifPresent(status -> text.append(' ').append(status.text()));
        return text.toString();
    }
}
