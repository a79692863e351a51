package dev.palisade.cli.tune;

import dev.palisade.engine.waf.ByteText;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One rule firing on benign traffic of one service, through one variable, with the exclusion
 * that would stop it.
 *
 * @param ruleId the rule
 * @param message its {@code msg}, or {@code null}
 * @param variable the variable it matched, or empty when its data does not say
 * @param service the service (or, for test cases, the policy)
 * @param namespace the namespace, or {@code null}
 * @param count how many benign requests it fired on
 * @param paths their paths
 * @param examples where the first few came from
 * @param policy the policy whose {@code waf} block the exclusion belongs in, when known
 * @param weakened the attack tests that pass now and fail with the exclusion applied
 * @param checked whether {@code palisade check} accepts the policy with the exclusion added, when a policy was given
 */
public record Finding(long ruleId, String message, Optional<String> variable, String service, String namespace,
        int count, SortedSet<String> paths, List<String> examples, Optional<String> policy, List<String> weakened,
        Optional<Boolean> checked) {

    public Finding {
        paths = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(paths));
        examples = List.copyOf(examples);
        weakened = List.copyOf(weakened);
    }

    /** The minimal exclusion: this variable only, on the narrowest path scope covering the requests. */
    public Exclusion exclusion() {
        // A variable whose name no policy string can spell (not UTF-8): the whole rule, on the scope.
        Optional<String> spelled = variable.filter(name -> ByteText.text(name).isPresent());
        return new Exclusion(ruleId, spelled, PathScope.covering(paths));
    }

    Finding withPolicy(Optional<String> name, List<String> weakenedTests, Optional<Boolean> accepted) {
        return new Finding(ruleId, message, variable, service, namespace, count, paths, examples, name, weakenedTests,
                accepted);
    }
}
