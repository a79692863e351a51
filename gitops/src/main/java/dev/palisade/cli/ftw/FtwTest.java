package dev.palisade.cli.ftw;

import java.util.List;
import java.util.Optional;

/**
 * One regression test: one or more requests (stages) sent in order.
 *
 * @param ruleId the rule under test, {@code 942100}
 * @param testId the test's number within the rule ({@code test_id}, or what follows the dash of a
 *     {@code test_title}); the title itself when it has no {@code RULE-N} form
 * @param disabled why this test is skipped, empty when it runs
 */
public record FtwTest(String ruleId, String testId, String description, Optional<String> disabled,
        List<FtwStage> stages) {
    public FtwTest {
        stages = List.copyOf(stages);
    }

    /** {@code 942100-3}: how both dialects and the overrides file name a test. */
    public String id() {
        return ruleId + "-" + testId;
    }
}
