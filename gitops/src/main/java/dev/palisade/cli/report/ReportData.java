package dev.palisade.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the page draws, as JSON: the time buckets, and per bucket, service and namespace a
 * {@link GroupCounts}; plus the rules' messages and the attack types' names. Counts as lines come
 * rather than keeping them, so a day of logs costs the groups' size, not the lines': buckets start
 * one second wide and widen (each width a multiple of the last, so buckets merge whole) whenever the
 * lines span more than {@link #MAX_BUCKETS} of them.
 */
public final class ReportData {
    /** Bucket widths in seconds, each a multiple of the one before; past the last, widths double. */
    private static final List<Long> WIDTHS = List.of(1L, 5L, 10L, 30L, 60L, 300L, 900L, 1800L, 3600L, 21600L,
            43200L, 86400L);
    static final int MAX_BUCKETS = 60;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<GroupKey> ORDER = Comparator.comparingLong(GroupKey::start)
            .thenComparing(GroupKey::summary).thenComparing(GroupKey::service, NULLS_FIRST)
            .thenComparing(GroupKey::namespace, NULLS_FIRST);

    /**
     * One group: a bucket (by its start, in epoch seconds), a workload. Summary lines name no workload,
     * so they get groups of their own that only the time filter applies to.
     */
    private record GroupKey(long start, String service, String namespace, boolean summary) {
        GroupKey in(long width) {
            return new GroupKey(Math.floorDiv(start, width) * width, service, namespace, summary);
        }
    }

    private Map<GroupKey, GroupCounts> groups = new HashMap<>();
    private final Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
    private final Map<Long, String> ruleMessages = new TreeMap<>();
    private long notLogged;
    private long width = WIDTHS.get(0);
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    public void add(LogEntry entry) {
        long second = entry.timestamp().getEpochSecond();
        first = Math.min(first, second);
        last = Math.max(last, second);
        while (Math.floorDiv(last, width) - Math.floorDiv(first, width) >= MAX_BUCKETS) {
            widen();
        }
        GroupKey key = new GroupKey(second, entry.service(), entry.namespace(), entry.summary()).in(width);
        groups.computeIfAbsent(key, absent -> new GroupCounts()).add(entry);
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

    private void widen() {
        int next = WIDTHS.indexOf(width) + 1;
        width = next > 0 && next < WIDTHS.size() ? WIDTHS.get(next) : width * 2;
        Map<GroupKey, GroupCounts> merged = new HashMap<>();
        groups.forEach((key, counts) -> merged.merge(key.in(width), counts, GroupCounts::merge));
        groups = merged;
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
        json.put("bucketSeconds", width);
        ArrayNode buckets = json.putArray("buckets");
        long origin = Math.floorDiv(first, width) * width;
        for (long start = origin; !groups.isEmpty() && start <= last; start += width) {
            buckets.add(Instant.ofEpochSecond(start).toString());
        }
        Map<GroupKey, GroupCounts> sorted = new TreeMap<>(ORDER);
        sorted.putAll(groups);
        ArrayNode groupArray = json.putArray("groups");
        sorted.forEach((key, counts) -> {
            ObjectNode group = groupArray.addObject();
            group.put("bucket", (key.start() - origin) / width);
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
}
