package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a test block: each example request through what is deployed (the compiled ALP matcher,
 * then the WAF), compared with its expectation; then each property ({@link PropertyRunner}).
 */
public final class PolicyTestRunner {
    private final RequestDecider decider;
    private final PropertyRunner properties;
    private final Coverage coverage;

    public PolicyTestRunner(RequestDecider decider, PropertyRunner properties, Coverage coverage) {
        this.decider = decider;
        this.properties = properties;
        this.coverage = coverage;
    }

    public List<TestResult> run(TestDecl test, Workload workload) {
        RequestDecider.Target target = decider.target(workload);
        List<TestResult> results = new ArrayList<>();
        for (TestDecl.TestCase testCase : test.cases()) {
            results.add(run(testCase, target, workload));
        }
        for (TestDecl.Property property : test.properties()) {
            results.add(properties.run(property, target, workload));
        }
        return results;
    }

    private TestResult run(TestDecl.TestCase testCase, RequestDecider.Target target, Workload workload) {
        RequestDecider.Outcome outcome = target.decide(TestRequest.of(testCase, workload));
        coverage.record(outcome);
        Optional<String> unmet = Expectations.unmet(testCase.expected(), outcome);
        return new TestResult(TestResult.Kind.CASE, testCase.text(),
                unmet.isPresent() ? TestResult.Outcome.FAIL : TestResult.Outcome.PASS,
                List.of(unmet.orElse(outcome.summary())), testCase.span());
    }
}
