package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The page adds up groups of counts; whatever the logs, those groups must add up to the lines read:
 * each decision counted once in its own time bucket, service and namespace, each attack type once
 * per request, and the summaries' unlogged requests kept.
 */
class ReportDataProperties {
    private static final Instant START = Instant.parse("2026-11-24T17:00:00Z");
    private static final List<FiredRule> RULES = List.of(
            new FiredRule(942100, "SQL Injection Attack Detected via libinjection", List.of("attack-sqli"), true),
            new FiredRule(942190, "Detects MSSQL code execution", List.of("attack-sqli"), false),
            new FiredRule(941100, "XSS Attack Detected via libinjection", List.of("attack-xss"), true),
            new FiredRule(920350, "Host header is a numeric IP address", List.of(), false),
            new FiredRule(949110, "Inbound Anomaly Score Exceeded", List.of("attack-generic"), true));

    @Provide
    Arbitrary<LogEntry> entries() {
        // Seconds, days and a year apart: every bucket width, up to widths past a day that double.
        Arbitrary<Instant> times = Arbitraries.oneOf(Arbitraries.longs().between(0, 120),
                Arbitraries.longs().between(0, 3 * 86_400), Arbitraries.longs().between(-400L * 86_400, 400L * 86_400))
                .map(START::plusSeconds);
        Arbitrary<String> services = Arbitraries.of("www", "productpage", "orders").injectNull(0.2);
        Arbitrary<String> namespaces = Arbitraries.of("default", "bookinfo").injectNull(0.2);
        Arbitrary<Outcome> outcomes = Arbitraries.of(Outcome.class).injectNull(0.1);
        Arbitrary<List<FiredRule>> rules = Arbitraries.of(RULES).list().ofMaxSize(4);
        Arbitrary<Integer> statuses = Arbitraries.of(200, 403, 404, 400, 502);
        return Combinators.combine(times, services, namespaces, outcomes, rules, statuses,
                Arbitraries.longs().between(0, 50)).as((time, service, namespace, outcome, fired, status, notLogged) ->
                outcome == null ? new LogEntry(time, null, null, null, 0, null, null, null, List.of(), notLogged)
                        : new LogEntry(time, outcome, service, namespace, status, "GET", "/p" + status, "10.0.0.1",
                                fired, 0));
    }

    @Property(tries = 300)
    void theGroupsAddUpToTheLinesRead(@ForAll @Size(max = 80) List<@From("entries") LogEntry> entries) {
        ReportData data = new ReportData();
        entries.forEach(data::add);
        ObjectNode json = data.toJson("test.log", "all lines", 0);

        long width = json.get("bucketSeconds").asLong();
        List<Instant> buckets = new ArrayList<>();
        json.get("buckets").forEach(start -> buckets.add(Instant.parse(start.asText())));
        assertTrue(buckets.size() <= ReportData.MAX_BUCKETS, () -> buckets.size() + " buckets");

        // Counted independently: per bucket, service, namespace and outcome; per attack type; unlogged.
        Map<String, Long> expected = new HashMap<>();
        Map<String, Long> expectedAttacks = new HashMap<>();
        long expectedNotLogged = 0;
        for (LogEntry entry : entries) {
            int bucket = bucketOf(buckets, width, entry.timestamp());
            if (entry.summary()) {
                expectedNotLogged += entry.notLogged();
                continue;
            }
            expected.merge(bucket + " " + entry.service() + " " + entry.namespace() + " " + entry.outcome().key(),
                    1L, Long::sum);
            entry.rules().stream().map(AttackTypes::of).flatMap(Optional::stream).distinct()
                    .forEach(type -> expectedAttacks.merge(type, 1L, Long::sum));
        }
        Map<String, Long> actual = new HashMap<>();
        Map<String, Long> attacks = new HashMap<>();
        long notLogged = 0;
        for (JsonNode group : json.get("groups")) {
            String key = group.get("bucket").asInt() + " " + text(group, "service") + " " + text(group, "namespace");
            group.get("outcomes").fields().forEachRemaining(count ->
                    actual.merge(key + " " + count.getKey(), count.getValue().asLong(), Long::sum));
            group.get("attacks").fields().forEachRemaining(count ->
                    attacks.merge(count.getKey(), count.getValue().asLong(), Long::sum));
            long statuses = 0;
            for (JsonNode count : group.get("statuses")) {
                statuses += count.asLong();
            }
            long decided = 0;
            for (JsonNode count : group.get("outcomes")) {
                decided += count.asLong();
            }
            assertEquals(decided, statuses, "one status per decision in " + key);
            notLogged += group.get("notLogged").asLong();
        }
        assertEquals(expected, actual);
        assertEquals(expectedAttacks, attacks);
        assertEquals(expectedNotLogged, notLogged);
        assertEquals(expectedNotLogged, data.notLogged());
    }

    /** The bucket whose time range holds {@code time}; fails when none does. */
    private static int bucketOf(List<Instant> buckets, long width, Instant time) {
        for (int index = 0; index < buckets.size(); index++) {
            Instant start = buckets.get(index);
            if (!time.isBefore(start) && time.isBefore(start.plusSeconds(width))) {
                return index;
            }
        }
        throw new AssertionError(time + " is in no bucket of " + buckets + " (width " + width + "s)");
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? "null" : node.get(field).asText();
    }
}
