package dev.palisade.cli.ftw;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One regression test file: the tests of one rule.
 *
 * @param ruleId the rule the file tests ({@code rule_id}, or the file name for FTW v1)
 * @param disabled why the whole file is skipped ({@code meta.enabled: false}), empty when it runs
 */
public record FtwSuite(Path file, FtwFormat format, String ruleId, Optional<String> disabled, List<FtwTest> tests) {
    public FtwSuite {
        Objects.requireNonNull(file, "file");
        tests = List.copyOf(tests);
    }

    /** The file name, which names the rule: {@code 942100.yaml}. */
    public String name() {
        return file.getFileName().toString();
    }
}
