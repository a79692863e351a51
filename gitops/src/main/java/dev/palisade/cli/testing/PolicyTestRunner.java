package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a test block's example requests through the compiled bundle (what is deployed) and
 * compares each decision with the expectation. Expectations about WAF rule ids, and requests
 * whose outcome depends on headers or bodies, need the WAF: until it is compiled they are
 * reported as skipped, never as passed.
 */
public final class PolicyTestRunner {
    private final CompiledPolicy policy;

    public PolicyTestRunner(CompiledPolicy policy) {
        this.policy = policy;
    }

    public List<TestCaseResult> run(TestDecl test, Workload workload) {
        Selection selection = policy.select(workload);
        List<TestCaseResult> results = new ArrayList<>();
        for (TestDecl.TestCase testCase : test.cases()) {
            results.add(run(testCase, selection, workload));
        }
        return results;
    }

    private TestCaseResult run(TestDecl.TestCase testCase, Selection selection, Workload workload) {
        String serviceAccount = testCase.sourceServiceAccount().map(literal -> literal.value()).orElse(null);
        // A caller named only by service account lives in the workload's own namespace.
        String namespace = testCase.sourceNamespace().map(literal -> literal.value())
                .orElse(serviceAccount == null ? null : workload.namespace());
        AlpRequest request = new AlpRequest(testCase.method().name(),
                PathNormalizer.normalize(PathNormalizer.toByteString(testCase.target().value())).path(),
                serviceAccount, namespace);
        Decision decision = policy.decide(selection, request);
        TestDecl.Expectation expected = testCase.expected();
        if (!expected.ruleIds().isEmpty()) {
            return new TestCaseResult(testCase, TestCaseResult.Outcome.SKIP, decision,
                    "expects WAF rule ids; the WAF is not compiled yet");
        }
        if (expected.allow() != decision.allowed()) {
            return new TestCaseResult(testCase, TestCaseResult.Outcome.FAIL, decision,
                    "expected " + (expected.allow() ? "allow" : "deny") + ", got " + decision.summary());
        }
        if (!expected.allow() && expected.status().isPresent()) {
            NumberLiteral status = expected.status().get();
            if (status.value().orElse(-1) != decision.status()) {
                return new TestCaseResult(testCase, TestCaseResult.Outcome.FAIL, decision,
                        "expected status " + status.text() + ", got " + decision.summary());
            }
        }
        return new TestCaseResult(testCase, TestCaseResult.Outcome.PASS, decision, decision.summary());
    }
}
