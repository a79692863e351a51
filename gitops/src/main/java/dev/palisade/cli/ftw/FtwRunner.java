package dev.palisade.cli.ftw;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs tests through a target: stages in order, each judged ({@link FtwJudge}); a test fails at its
 * first failing stage (a {@code retry_once} stage is sent once more first). Disabled files and tests
 * are skipped with their reason; overrides replace expectations, expect a failure, or skip.
 */
public final class FtwRunner {
    private final FtwTarget target;
    private final FtwOverrides overrides;
    private final Optional<Pattern> include;

    /** @param include tests whose id ({@code 942100-3}) contains a match run; the others are left out */
    public FtwRunner(FtwTarget target, FtwOverrides overrides, Optional<Pattern> include) {
        this.target = Objects.requireNonNull(target, "target");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.include = Objects.requireNonNull(include, "include");
    }

    public List<FtwResult> run(List<FtwSuite> suites, Consumer<FtwResult> progress) {
        List<FtwResult> results = new ArrayList<>();
        for (FtwSuite suite : suites) {
            for (FtwTest test : suite.tests()) {
                if (include.isPresent() && !include.get().matcher(test.id()).find()) {
                    continue;
                }
                FtwResult result = run(suite, test);
                results.add(result);
                progress.accept(result);
            }
        }
        return results;
    }

    public FtwResult run(FtwSuite suite, FtwTest test) {
        if (suite.disabled().isPresent()) {
            return new FtwResult(suite, test, FtwVerdict.skipped(suite.disabled().get()), Optional.empty());
        }
        if (test.disabled().isPresent()) {
            return new FtwResult(suite, test, FtwVerdict.skipped(test.disabled().get()), Optional.empty());
        }
        Optional<FtwOverrides.Override> override = overrides.find(test);
        if (override.isPresent() && override.get().action() == FtwOverrides.Action.IGNORE) {
            return new FtwResult(suite, test, FtwVerdict.skipped("ignored by override: " + override.get().reason()),
                    Optional.empty());
        }
        FtwVerdict verdict = stages(test, override.flatMap(FtwOverrides.Override::output));
        if (override.isPresent() && override.get().action() == FtwOverrides.Action.EXPECT_FAILURE) {
            if (verdict.isFailed()) {
                return new FtwResult(suite, test, FtwVerdict.skipped("expected failure (override: "
                        + override.get().reason() + "): " + verdict.reason()), Optional.empty());
            }
            if (verdict.isPassed()) {
                return new FtwResult(suite, test, verdict, Optional.of(test.id()
                        + " passes although the overrides expect it to fail: remove its override"));
            }
        }
        return new FtwResult(suite, test, verdict, Optional.empty());
    }

    private FtwVerdict stages(FtwTest test, Optional<FtwExpectation> replacement) {
        FtwVerdict skipped = null;
        for (FtwStage original : test.stages()) {
            FtwStage stage = replacement.map(original::withExpected).orElse(original);
            FtwVerdict verdict = send(stage);
            if (verdict.isFailed() && stage.expected().retryOnce()) {
                verdict = send(stage);
            }
            String prefix = test.stages().size() > 1 ? "stage " + stage.index() + ": " : "";
            if (verdict.isFailed()) {
                return FtwVerdict.failed(prefix + verdict.reason());
            }
            if (verdict.kind() == FtwVerdict.Kind.SKIPPED && skipped == null) {
                skipped = FtwVerdict.skipped(prefix + verdict.reason());
            }
        }
        return skipped != null ? skipped : FtwVerdict.passed();
    }

    private FtwVerdict send(FtwStage stage) {
        FtwOutcome outcome;
        try {
            outcome = target.send(stage);
        } catch (RuntimeException e) {
            // the engine's bug, not the test's: fail the stage, keep the run going
            return FtwVerdict.failed("the target threw " + e);
        }
        return FtwJudge.judge(stage.expected(), outcome);
    }
}
