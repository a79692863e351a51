package dev.palisade.cli.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Groups benign requests by (rule, variable, service) and ranks the groups by how many requests
 * each fired on. CRS's scoring and reporting rules (949xxx, 959xxx, 980xxx) are left out: they
 * fire because others did, and excluding the others is what tuning means.
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

    /** Most requests first; ties by service, rule id and variable, so the order is stable. */
    public List<Finding> ranked() {
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, group) -> findings.add(new Finding(key.ruleId(), group.message,
                Optional.ofNullable(key.variable()), key.service(), key.namespace(), group.count, group.paths,
                group.examples, Optional.ofNullable(group.policy), List.of(), Optional.empty())));
        findings.sort(Comparator.comparingInt(Finding::count).reversed()
                .thenComparing(f -> Objects.toString(f.service(), ""))
                .thenComparing(f -> Objects.toString(f.namespace(), ""))
                .thenComparingLong(Finding::ruleId)
                .thenComparing(f -> f.variable().orElse("")));
        return findings;
    }

    static boolean consequential(long ruleId) {
        long family = ruleId / 1000;
        return family == 949 || family == 959 || family == 980;
    }
}
