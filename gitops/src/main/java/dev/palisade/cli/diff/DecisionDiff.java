package dev.palisade.cli.diff;

import dev.palisade.cli.testing.RequestDecider;
import dev.palisade.cli.testing.TestRequest;
import dev.palisade.engine.waf.WafResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How final decisions (ALP, then the WAF) differ between two versions of a bundle, for one
 * workload: allowed before and denied after, the reverse, or denied with another status. Changes
 * are grouped by what decided before and after (the ALP rule and location, or the WAF), so one
 * edited rule is one group however many requests it affects, each group with a few example
 * requests and the WAF rules that fired on its requests.
 */
final class DecisionDiff {
    /** How many fired WAF rules a group names (those that fired on most of its requests). */
    private static final int RULES_SHOWN = 6;

    enum Kind { OPENED, CLOSED, RESTATUS }

    /** Requests whose decision moved from {@code before} to {@code after} for the same reasons. */
    record Change(Kind kind, String before, String after, List<String> examples, int count) {}

    private static final class Group {
        final Kind kind;
        final String before;
        final String after;
        /** On how many of the group's requests each WAF rule fired, before and after. */
        final Map<Long, Integer> firedBefore = new TreeMap<>();
        final Map<Long, Integer> firedAfter = new TreeMap<>();
        /** Examples that differ in what was sent say the most (by shape: the request without its caller). */
        final Map<String, String> distinct = new LinkedHashMap<>();
        /** Other callers of the same requests fill up. */
        final Set<String> others = new LinkedHashSet<>();
        int count;

        Group(Kind kind, String before, String after) {
            this.kind = kind;
            this.before = before;
            this.after = after;
        }

        Change change(int examples) {
            List<String> shown = java.util.stream.Stream.concat(distinct.values().stream(), others.stream()).limit(examples).toList();
            return new Change(kind, before + fired(firedBefore), after + fired(firedAfter), shown, count);
        }
    }

    private DecisionDiff() {}

    static List<Change> of(RequestDecider.Target before, RequestDecider.Target after, List<TestRequest> requests,
            int examplesPerChange) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (TestRequest request : requests) {
            RequestDecider.Outcome was = before.decide(request);
            RequestDecider.Outcome is = after.decide(request);
            if (was.allowed() == is.allowed() && was.status() == is.status()) {
                continue;
            }
            Kind kind = was.allowed() ? Kind.CLOSED : is.allowed() ? Kind.OPENED : Kind.RESTATUS;
            String wasDecider = decider(was);
            String isDecider = decider(is);
            Group group = groups.computeIfAbsent(wasDecider + " -> " + isDecider, key -> new Group(kind, wasDecider, isDecider));
            group.count++;
            was.waf().ifPresent(result -> count(result, group.firedBefore));
            is.waf().ifPresent(result -> count(result, group.firedAfter));
            String described = ClientRequests.describe(request);
            String shape = ClientRequests.describe(new TestRequest(request.method(), request.target(), request.headers(),
                    request.body(), null, null));
            if (!group.distinct.containsKey(shape) && group.distinct.size() < examplesPerChange) {
                group.distinct.put(shape, described);
            } else if (group.others.size() < examplesPerChange && !group.distinct.containsValue(described)) {
                group.others.add(described);
            }
        }
        List<Change> changes = new ArrayList<>();
        groups.values().forEach(group -> changes.add(group.change(examplesPerChange)));
        return changes;
    }

    /** What decided, without the rules the WAF fired (those are gathered over the group). */
    private static String decider(RequestDecider.Outcome outcome) {
        if (outcome.alp().allowed() && !outcome.allowed()) {
            return "deny " + outcome.status() + " by the WAF";
        }
        return outcome.alp().summary();
    }

    private static void count(WafResult result, Map<Long, Integer> fired) {
        new TreeSet<>(result.firedIds()).forEach(id -> fired.merge(id, 1, Integer::sum));
    }

    /** {@code ; WAF rules fired: 949110 (73), 942100 (40) and 12 more}: the rules that fired most, with on how many requests. */
    private static String fired(Map<Long, Integer> fired) {
        if (fired.isEmpty()) {
            return "";
        }
        String shown = fired.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(RULES_SHOWN).map(entry -> entry.getKey() + " (" + entry.getValue() + ")").collect(Collectors.joining(", "));
        return "; WAF rules fired: " + shown + (fired.size() > RULES_SHOWN ? " and " + (fired.size() - RULES_SHOWN) + " more" : "");
    }
}
