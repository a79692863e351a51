package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.decision.Decision;

/** The outcome of one example request. */
public record TestCaseResult(TestDecl.TestCase testCase, Outcome outcome, Decision decision, String explanation) {
    public enum Outcome { PASS, FAIL, SKIP }
}
