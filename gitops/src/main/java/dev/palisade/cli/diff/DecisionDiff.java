package dev.palisade.cli.diff;

import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How ALP decisions differ between two versions of a bundle, for one workload. Changes are grouped
 * by what decided before and after (rule and location), so one edited rule is one group however
 * many requests it affects, each group with a few example requests.
 */
final class DecisionDiff {
    /** Requests whose decision moved from {@code before} to {@code after} for the same reasons. */
    record Change(Decision before, Decision after, List<AlpRequest> examples, int count) {
        boolean opened() {
            return !before.allowed() && after.allowed();
        }
    }

    private static final class Group {
        final Decision before;
        final Decision after;
        /** Examples that differ in method or path say the most; other callers of the same request fill up. */
        final Set<AlpRequest> distinct = new LinkedHashSet<>();
        final Set<AlpRequest> others = new LinkedHashSet<>();
        int count;

        List<AlpRequest> examples(int limit) {
            return java.util.stream.Stream.concat(distinct.stream(), others.stream()).limit(limit).toList();
        }

        Group(Decision before, Decision after) {
            this.before = before;
            this.after = after;
        }
    }

    private DecisionDiff() {}

    static List<Change> of(Workload workload, PolicyVersion before, PolicyVersion after, List<AlpRequest> requests,
            int examplesPerChange) {
        Selection beforeSelection = before.policy().select(workload);
        Selection afterSelection = after.policy().select(workload);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (AlpRequest request : requests) {
            Decision was = before.policy().decide(beforeSelection, request);
            Decision is = after.policy().decide(afterSelection, request);
            if (was.allowed() == is.allowed()) {
                continue;
            }
            Group group = groups.computeIfAbsent(was.summary() + " -> " + is.summary(), key -> new Group(was, is));
            group.count++;
            boolean newShape = group.distinct.stream().noneMatch(example -> example.method().equals(request.method())
                    && example.path().equals(request.path()));
            if (newShape && group.distinct.size() < examplesPerChange) {
                group.distinct.add(request);
            } else if (group.others.size() < examplesPerChange) {
                group.others.add(request);
            }
        }
        List<Change> changes = new ArrayList<>();
        groups.values().forEach(group -> changes.add(new Change(group.before, group.after, group.examples(examplesPerChange), group.count)));
        return changes;
    }
}
