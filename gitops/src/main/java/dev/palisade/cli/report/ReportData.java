package dev.palisade.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the page draws, as JSON: the time buckets, and per bucket, service and namespace a
 * {@link GroupCounts}; plus the rules' messages and the attack types' names. Built from the entries
 * the CLI's filter kept, in the order read.
 */
public final class ReportData {
    /** Bucket widths the time axis may use, in seconds: the smallest that gives at most {@link #MAX_BUCKETS}. */
    private static final long[] WIDTHS = {1, 5, 10, 30, 60, 300, 600, 900, 1800, 3600, 21600, 43200, 86400};
    static final int MAX_BUCKETS = 60;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Summary lines name no workload, so they get groups of their own that only the time filter applies to. */
    private record GroupKey(long bucket, String service, String namespace, boolean summary) {}

    private final List<LogEntry> entries = new ArrayList<>();
    private final Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
    private final Map<Long, String> ruleMessages = new TreeMap<>();
    private long notLogged;

    public void add(LogEntry entry) {
        entries.add(entry);
        if (entry.summary()) {
            notLogged += entry.notLogged();
            return;
        }
        totals.merge(entry.outcome(), 1L, Long::sum);
        for (FiredRule rule : entry.rules()) {
            if (rule.message() != null) {
                ruleMessages.putIfAbsent(rule.id(), rule.message());
            }
        }
    }

    /** Lines per outcome. */
    public long total(Outcome outcome) {
        return totals.getOrDefault(outcome, 0L);
    }

    /** Requests that summary lines counted but that have no line of their own. */
    public long notLogged() {
        return notLogged;
    }

    /** Decision and protocol lines (not summaries). */
    public long lines() {
        return totals.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The page's data. {@code source} names the logs read, {@code filter} what the CLI kept, {@code skipped}
     * how many lines were not decision lines.
     */
    public ObjectNode toJson(String source, String filter, long skipped) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        ObjectNode json = factory.objectNode();
        json.put("source", source);
        json.put("filter", filter);
        long width = bucketWidth();
        long origin = entries.stream().mapToLong(entry -> entry.timestamp().getEpochSecond()).min().orElse(0);
        origin = Math.floorDiv(origin, width) * width;
        long last = entries.stream().mapToLong(entry -> entry.timestamp().getEpochSecond()).max().orElse(origin);
        json.put("bucketSeconds", width);
        ArrayNode buckets = json.putArray("buckets");
        for (long start = origin; !entries.isEmpty() && start <= last; start += width) {
            buckets.add(Instant.ofEpochSecond(start).toString());
        }
        Map<GroupKey, GroupCounts> groups = new TreeMap<>(Comparator.comparingLong(GroupKey::bucket)
                .thenComparing(GroupKey::summary).thenComparing(GroupKey::service, NULLS_FIRST)
                .thenComparing(GroupKey::namespace, NULLS_FIRST));
        for (LogEntry entry : entries) {
            long bucket = (entry.timestamp().getEpochSecond() - origin) / width;
            GroupKey key = new GroupKey(bucket, entry.service(), entry.namespace(), entry.summary());
            groups.computeIfAbsent(key, absent -> new GroupCounts())
                    .add(entry);
        }
        ArrayNode groupArray = json.putArray("groups");
        groups.forEach((key, counts) -> {
            ObjectNode group = groupArray.addObject();
            group.put("bucket", key.bucket());
            group.put("service", key.service());
            group.put("namespace", key.namespace());
            group.put("summary", key.summary());
            group.setAll(counts.toJson(factory));
        });
        ObjectNode messages = json.putObject("ruleMessages");
        ruleMessages.forEach((id, message) -> messages.put(Long.toString(id), message));
        ObjectNode outcomes = json.putObject("outcomeLabels");
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.key(), outcome.label());
        }
        ObjectNode attacks = json.putObject("attackLabels");
        AttackTypes.LABELS.forEach(attacks::put);
        json.put("skippedLines", skipped);
        return json;
    }

    private long bucketWidth() {
        if (entries.isEmpty()) {
            return WIDTHS[0];
        }
        long first = entries.stream().mapToLong(entry -> entry.timestamp().getEpochSecond()).min().orElseThrow();
        long last = entries.stream().mapToLong(entry -> entry.timestamp().getEpochSecond()).max().orElseThrow();
        for (long width : WIDTHS) {
            if ((last - Math.floorDiv(first, width) * width) / width < MAX_BUCKETS) {
                return width;
            }
        }
        return (last - first) / MAX_BUCKETS + 1;
    }
}
