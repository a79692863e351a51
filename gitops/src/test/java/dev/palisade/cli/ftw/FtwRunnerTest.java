package dev.palisade.cli.ftw;

import static dev.palisade.cli.ftw.FtwInputs.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A fake engine (a lambda) through {@link InProcessTarget} and the runner. */
class FtwRunnerTest {
    /** Fires 942100 when the body or target says "select", and 920100 always; blocks "block". */
    static final WafEngine ENGINE = request -> {
        List<RuleMatch> matches = new ArrayList<>();
        matches.add(new RuleMatch(920100, 1, "Invalid HTTP Request Line", "", "WARNING", List.of(), false));
        String body = new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if ((request.target() + body).contains("select")) {
            matches.add(new RuleMatch(942100, 2, "SQL Injection Attack Detected via libinjection",
                    "Matched Data: s&1 found within ARGS:q: \"select\"", "CRITICAL", List.of("attack-sqli"), false));
        }
        boolean block = request.target().contains("block");
        return new WafResult(block ? OptionalInt.of(403) : OptionalInt.empty(), matches, List.of());
    };

    static FtwStage stage(String uri, FtwExpectation expected) {
        return new FtwStage(1, FtwInputs.v1("GET", uri, List.of(host()), null), expected);
    }

    static FtwExpectation ids(Long... ids) {
        return new FtwExpectation(List.of(), List.of(), List.of(), List.of(ids), List.of(), List.of(), false, false);
    }

    static FtwSuite suite(FtwTest... tests) {
        return new FtwSuite(Path.of("942100.yaml"), FtwFormat.GO_FTW, "942100", Optional.empty(), List.of(tests));
    }

    @Test
    void theInProcessTargetParsesInspectsAndRendersTheLog() {
        FtwOutcome outcome = new InProcessTarget(ENGINE).send(stage("/?q=select", ids()));
        assertEquals(OptionalInt.of(200), outcome.status());
        assertEquals(java.util.Set.of(920100L, 942100L), outcome.firedIds());
        assertTrue(outcome.log().contains("[id \"942100\"] [msg \"SQL Injection Attack Detected via libinjection\"]"
                + " [data \"Matched Data: s&1 found within ARGS:q: \\\"select\\\"\"] [severity \"CRITICAL\"]"
                + " [tag \"attack-sqli\"]"), outcome.log());
        assertEquals(OptionalInt.of(403), new InProcessTarget(ENGINE).send(stage("/block", ids())).status());
    }

    @Test
    void refusedRequestsNeverReachTheEngine() {
        WafEngine failing = request -> {
            throw new AssertionError("the engine saw a request the HTTP layer refuses");
        };
        FtwStage tab = new FtwStage(1, FtwInputs.v1("\tGET", "/", List.of(host()), null), ids());
        FtwOutcome outcome = new InProcessTarget(failing).send(tab);
        assertEquals(OptionalInt.of(400), outcome.status());
        assertEquals(java.util.Set.of(), outcome.firedIds());
    }

    @Test
    void testsPassFailAndCarryTheirReasons() {
        FtwTest passing = new FtwTest("942100", "1", "", Optional.empty(), List.of(stage("/?q=select", ids(942100L))));
        FtwTest failing = new FtwTest("942100", "2", "", Optional.empty(), List.of(stage("/?q=1", ids(942100L))));
        FtwTest disabled = new FtwTest("942100", "3", "", Optional.of("disabled in the file (enabled: false)"),
                List.of(stage("/", ids())));
        List<FtwResult> results = new FtwRunner(new InProcessTarget(ENGINE), FtwOverrides.none(), Optional.empty())
                .run(List.of(suite(passing, failing, disabled)), result -> { });
        assertEquals(List.of(FtwVerdict.passed(), FtwVerdict.failed("expected 942100, fired [920100]"),
                FtwVerdict.skipped("disabled in the file (enabled: false)")),
                results.stream().map(FtwResult::verdict).toList());
        FtwReport report = new FtwReport(results);
        assertEquals("ftw: 1/3 passed (1 failed, 1 skipped)", report.summary());
        assertEquals(List.of("942100.yaml: 1 passed, 1 failed, 1 skipped"), report.perFile());
        assertEquals("FAIL 942100-2 (942100.yaml): expected 942100, fired [920100]", FtwReport.failureLine(results.get(1)));
    }

    @Test
    void multiStageTestsNameTheFailingStageAndIncludeFilters() {
        FtwTest twoStages = new FtwTest("942100", "1", "", Optional.empty(), List.of(stage("/?q=select", ids(942100L)),
                new FtwStage(2, FtwInputs.v1("GET", "/", List.of(host()), null), ids(942100L))));
        FtwTest other = new FtwTest("942100", "22", "", Optional.empty(), List.of(stage("/", ids())));
        List<FtwResult> results = new FtwRunner(new InProcessTarget(ENGINE), FtwOverrides.none(),
                Optional.of(Pattern.compile("-1$"))).run(List.of(suite(twoStages, other)), result -> { });
        assertEquals(1, results.size());
        assertEquals(FtwVerdict.failed("stage 2: expected 942100, fired [920100]"), results.get(0).verdict());
    }

    @Test
    void overridesReplaceExpectIgnoreAndNoteWhenNoLongerNeeded() {
        FtwTest test1 = new FtwTest("942100", "1", "", Optional.empty(), List.of(stage("/", ids(942100L))));
        FtwTest test2 = new FtwTest("942100", "2", "", Optional.empty(), List.of(stage("/", ids(942100L))));
        FtwTest test3 = new FtwTest("942100", "3", "", Optional.empty(), List.of(stage("/", ids(942100L))));
        FtwTest test4 = new FtwTest("942100", "4", "", Optional.empty(), List.of(stage("/?q=select", ids(942100L))));
        FtwOverrides overrides = new FtwOverrides(List.of(
                new FtwOverrides.Override("942100", java.util.Set.of("1"), "no backend", FtwOverrides.Action.REPLACE_OUTPUT,
                        Optional.of(ids(920100L))),
                new FtwOverrides.Override("942100", java.util.Set.of("2"), "wip", FtwOverrides.Action.IGNORE,
                        Optional.empty()),
                new FtwOverrides.Override("942100", java.util.Set.of("3", "4"), "deobfuscation",
                        FtwOverrides.Action.EXPECT_FAILURE, Optional.empty())));
        List<FtwResult> results = new FtwRunner(new InProcessTarget(ENGINE), overrides, Optional.empty())
                .run(List.of(suite(test1, test2, test3, test4)), result -> { });
        assertEquals(FtwVerdict.passed(), results.get(0).verdict());
        assertEquals(FtwVerdict.skipped("ignored by override: wip"), results.get(1).verdict());
        assertEquals(FtwVerdict.skipped("expected failure (override: deobfuscation): expected 942100, fired [920100]"),
                results.get(2).verdict());
        assertEquals(FtwVerdict.passed(), results.get(3).verdict());
        assertEquals(Optional.of("942100-4 passes although the overrides expect it to fail: remove its override"),
                results.get(3).note());
    }

    @Test
    void anEngineThatThrowsFailsTheStageNotTheRun() {
        WafEngine broken = (WafRequest request) -> {
            throw new IllegalStateException("boom");
        };
        FtwTest test = new FtwTest("942100", "1", "", Optional.empty(), List.of(stage("/", ids())));
        FtwResult result = new FtwRunner(new InProcessTarget(broken), FtwOverrides.none(), Optional.empty())
                .run(suite(test), test);
        assertEquals(FtwVerdict.failed("the target threw java.lang.IllegalStateException: boom"), result.verdict());
    }
}
