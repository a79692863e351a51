package dev.palisade.cli.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts of one service and namespace in one time bucket. The page adds up the groups its
 * filters keep, so every chart follows the service, namespace and time filters without the page
 * carrying every line. Maps are sorted so the same logs give the same bytes.
 */
final class GroupCounts {
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, Long> deniedPaths = new TreeMap<>();
    /** Per denied path, one target that had a query: what the scan sent, not only where. */
    private final Map<String, String> deniedPathExamples = new TreeMap<>();
    private final Map<String, Long> deniedMethods = new TreeMap<>();
    private final Map<String, Long> attacks = new TreeMap<>();
    private final Map<String, Long> rules = new TreeMap<>();
    private final Map<String, Long> sources = new TreeMap<>();
    private final Map<String, Long> blockedSources = new TreeMap<>();
    private long notLogged;

    void add(LogEntry entry) {
        if (entry.summary()) {
            notLogged += entry.notLogged();
            return;
        }
        Outcome outcome = entry.outcome();
        count(outcomes, outcome.key());
        count(statuses, Integer.toString(entry.status()));
        String source = entry.sourceIp() == null ? "(unknown)" : entry.sourceIp();
        count(sources, source);
        if (outcome.blocked() || outcome == Outcome.REJECTED) {
            // By path: a scan varying the query (?id=1, ?id=2, …) is one row, not one-off rows.
            String path = entry.path() == null ? "(unreadable)" : RequestPath.of(entry.path());
            count(deniedPaths, path);
            if (entry.path() != null && !entry.path().equals(path)) {
                deniedPathExamples.merge(path, entry.path(), GroupCounts::first);
            }
            count(deniedMethods, entry.method() == null ? "(unreadable)" : entry.method());
        }
        if (outcome.blocked()) {
            count(blockedSources, source);
        }
        // A request counts once per attack type and once per rule, however many of its values matched.
        Set<String> types = new TreeSet<>();
        Set<Long> ids = new TreeSet<>();
        for (FiredRule rule : entry.rules()) {
            AttackTypes.of(rule).ifPresent(types::add);
            ids.add(rule.id());
        }
        types.forEach(type -> count(attacks, type));
        ids.forEach(id -> count(rules, Long.toString(id)));
    }

    /** Adds {@code other}'s counts to these (buckets widening); returns this. */
    GroupCounts merge(GroupCounts other) {
        add(outcomes, other.outcomes);
        add(statuses, other.statuses);
        add(deniedPaths, other.deniedPaths);
        other.deniedPathExamples.forEach((path, target) -> deniedPathExamples.merge(path, target, GroupCounts::first));
        add(deniedMethods, other.deniedMethods);
        add(attacks, other.attacks);
        add(rules, other.rules);
        add(sources, other.sources);
        add(blockedSources, other.blockedSources);
        notLogged += other.notLogged;
        return this;
    }

    private static void add(Map<String, Long> counts, Map<String, Long> more) {
        more.forEach((key, count) -> counts.merge(key, count, Long::sum));
    }

    ObjectNode toJson(JsonNodeFactory factory) {
        ObjectNode json = factory.objectNode();
        json.set("outcomes", map(factory, outcomes));
        json.set("statuses", map(factory, statuses));
        json.set("deniedPaths", map(factory, deniedPaths));
        ObjectNode examples = json.putObject("deniedPathExamples");
        deniedPathExamples.forEach(examples::put);
        json.set("deniedMethods", map(factory, deniedMethods));
        json.set("attacks", map(factory, attacks));
        json.set("rules", map(factory, rules));
        json.set("sources", map(factory, sources));
        json.set("blockedSources", map(factory, blockedSources));
        json.put("notLogged", notLogged);
        return json;
    }

    /** The smaller of two examples: whichever order lines and buckets come in, the same one is kept. */
    private static String first(String one, String other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private static ObjectNode map(JsonNodeFactory factory, Map<String, Long> counts) {
        ObjectNode json = factory.objectNode();
        counts.forEach(json::put);
        return json;
    }
}
