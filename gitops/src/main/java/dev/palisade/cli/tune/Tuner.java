package dev.palisade.cli.tune;

import dev.palisade.cli.testing.TestResult;
import dev.palisade.compiler.PolicyCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * With a policy: which policy each finding's exclusion belongs to, whether {@code palisade check}
 * accepts the policy with it, and which tests pass now and fail with it (the attack tests it
 * would weaken). Each suggestion is tried alone, in a temporary copy.
 */
public final class Tuner {
    private final Path input;
    private final PolicyTests original;
    private final long seed;
    private final int tries;
    private final Map<String, TestResult.Outcome> before;

    public Tuner(Path input, PolicyTests original, long seed, int tries) {
        this.input = input;
        this.original = original;
        this.seed = seed;
        this.tries = tries;
        this.before = original.run(seed, tries);
    }

    /**
     * The finding with the policy its exclusion belongs in: the one it names (a test case's own, or
     * the log's {@code policy} field) when that one has a {@code waf} block, else the first whose WAF
     * selects its service; none when no given policy's WAF does.
     */
    public Finding place(Finding finding) {
        Optional<String> policy = finding.policy().filter(original::hasWaf)
                .or(() -> original.policyFor(finding.service(), finding.namespace()));
        return finding.withPolicy(policy, List.of(), Optional.empty());
    }

    /** Whether {@code palisade check} accepts the placed finding's line, and the tests it would weaken. */
    public Finding assess(Finding finding) throws IOException {
        Optional<String> policy = finding.policy();
        if (policy.isEmpty()) {
            return finding;
        }
        try (PolicyEdit edit = new PolicyEdit(input)) {
            if (!edit.addToWaf(original.result(), policy.get(), finding.exclusion().toPalisade())) {
                return finding.withPolicy(Optional.empty(), List.of(), Optional.empty());
            }
            List<String> problems = new ArrayList<>();
            Optional<PolicyTests> edited = PolicyTests.compile(PolicyCompiler.policyFiles(List.of(edit.inCopy(input))),
                    problems);
            if (edited.isEmpty()) {
                return finding.withPolicy(policy, List.of(), Optional.of(false));
            }
            Map<String, TestResult.Outcome> after = edited.get().run(seed, tries);
            List<String> weakened = new ArrayList<>();
            before.forEach((test, outcome) -> {
                if (outcome == TestResult.Outcome.PASS && after.get(test) == TestResult.Outcome.FAIL) {
                    weakened.add(test);
                }
            });
            return finding.withPolicy(policy, weakened, Optional.of(true));
        }
    }
}
