package dev.palisade.cli.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Groups benign requests by (rule, variable, service, namespace), merges the groups that suggest
 * the same line for the same policy, and ranks them by how many requests each fired on. CRS's
 * scoring and reporting rules (949xxx, 959xxx, 980xxx) are left out: they fire because others did,
 * and excluding the others is what tuning means.
 */
public final class Findings {
    /** Where a finding names its requests; the rest are only counted. */
    static final int EXAMPLES = 3;

    private record Key(long ruleId, String variable, String service, String namespace) {}

    private static final class Group {
        String message;
        String policy;
        int count;
        final TreeSet<String> paths = new TreeSet<>();
        final List<String> examples = new ArrayList<>();
    }

    private final Map<Key, Group> groups = new LinkedHashMap<>();

    public void add(BenignRequest request) {
        // A rule can fire more than once on one request (several arguments); count the request once per group.
        java.util.Set<Key> seen = new java.util.HashSet<>();
        for (BenignRequest.Firing firing : request.firings()) {
            if (consequential(firing.ruleId())) {
                continue;
            }
            Key key = new Key(firing.ruleId(), MatchedVariable.from(firing.data()).orElse(null), request.service(),
                    request.namespace());
            Group group = groups.computeIfAbsent(key, k -> new Group());
            if (group.message == null) {
                group.message = firing.message();
            }
            if (group.policy == null) {
                group.policy = request.policy();
            }
            if (seen.add(key)) {
                group.count++;
                group.paths.add(request.path());
                if (group.examples.size() < EXAMPLES) {
                    group.examples.add(request.source());
                }
            }
        }
    }

    /**
     * The findings, each given its policy by {@code place}, then merged where they suggest the same
     * line for the same policy, most requests first; ties by service, rule id and variable, so the
     * order is stable. Merging comes after placing: a log line carries its pod's namespace and a
     * test case its test workload's, so the same rule on the same path was two findings until both
     * were known to belong to one policy.
     */
    public List<Finding> ranked(UnaryOperator<Finding> place) {
        Map<List<Object>, Finding> merged = new LinkedHashMap<>();
        groups.forEach((key, group) -> {
            Finding finding = place.apply(new Finding(key.ruleId(), group.message, Optional.ofNullable(key.variable()),
                    key.service(), key.namespace(), group.count, group.paths, group.examples,
                    Optional.ofNullable(group.policy), List.of(), Optional.empty()));
            // Without a policy, findings of different services stay apart: nothing says they share one.
            Object owner = finding.policy().isPresent() ? finding.policy()
                    : Arrays.asList(finding.service(), finding.namespace());
            merged.merge(List.of(owner, finding.exclusion().toPalisade()), finding, Findings::merge);
        });
        List<Finding> findings = new ArrayList<>(merged.values());
        findings.sort(Comparator.comparingInt(Finding::count).reversed()
                .thenComparing(f -> Objects.toString(f.service(), ""))
                .thenComparing(f -> Objects.toString(f.namespace(), ""))
                .thenComparingLong(Finding::ruleId)
                .thenComparing(f -> f.variable().orElse("")));
        return findings;
    }

    /**
     * One finding for both: their requests added up. The first keeps its service and namespace (log
     * lines come before test cases, so those are the real ones). The same suggestion means the same
     * scope, and the union of the paths has that scope too.
     */
    private static Finding merge(Finding first, Finding second) {
        TreeSet<String> paths = new TreeSet<>(first.paths());
        paths.addAll(second.paths());
        List<String> examples = new ArrayList<>(first.examples());
        second.examples().stream().limit(Math.max(0, EXAMPLES - examples.size())).forEach(examples::add);
        return new Finding(first.ruleId(), first.message() != null ? first.message() : second.message(),
                first.variable(), first.service(), first.namespace(), first.count() + second.count(), paths, examples,
                first.policy(), List.of(), Optional.empty());
    }

    static boolean consequential(long ruleId) {
        long family = ruleId / 1000;
        return family == 949 || family == 959 || family == 980;
    }
}
