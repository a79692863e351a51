package dev.palisade.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.decision.Action;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import dev.palisade.proxy.pipeline.Inspection;
import dev.palisade.proxy.pipeline.Verdict;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A policy's {@code log} block: lines per interval up to the limit, and a summary that counts every request. */
class LogSamplingTest {
    private static final Instant START = Instant.parse("2026-11-24T22:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Exchange exchange(boolean allowed) {
        Decision decision = allowed ? new Decision(Action.ALLOW, 0, Reason.RULE, "www", "default", 0, "www.pal:6:9", "allow GET")
                : new Decision(Action.DENY, 403, Reason.TIER_DEFAULT, null, "default", -1, null, "no rule matched");
        Verdict verdict = new Verdict(!allowed, allowed ? 0 : 403, "alp", decision);
        return new Exchange("id", START, new InetSocketAddress("127.0.0.1", 1), "GET", "/", new Inspection(List.of(verdict)));
    }

    private static long count(List<String> lines, String type) {
        return lines.stream().filter(line -> line.contains("\"type\":\"" + type + "\"")).count();
    }

    @Test
    void aLimitLogsTheFirstRequestsOfEachIntervalAndTheSummaryCountsThemAll() {
        List<String> lines = new ArrayList<>();
        TestClock clock = new TestClock();
        DecisionLog log = new DecisionLog(lines::add).sampledBy(() -> Optional.of(new LogSampling(5, 2)), clock);
        for (int i = 0; i < 4; i++) {
            log.write(exchange(true), 200);
        }
        log.write(exchange(false), 403);
        assertEquals(2, count(lines, "alp"), lines::toString);
        assertEquals(0, count(lines, "summary"), "the interval is not over");

        clock.advance(Duration.ofSeconds(5));
        log.write(exchange(true), 200);
        assertEquals(4, lines.size(), lines::toString);
        assertEquals("{\"timestamp\":\"2026-11-24T22:00:05Z\",\"type\":\"summary\",\"interval_start\":\"2026-11-24T22:00:00Z\","
                + "\"interval_seconds\":5,\"requests_per_interval\":2,\"requests\":5,\"logged\":2,\"not_logged\":3,"
                + "\"allowed\":4,\"denied_by_alp\":1,\"denied_by_waf\":0}", lines.get(2));
        assertTrue(lines.get(3).contains("\"type\":\"alp\""), "a new interval logs again: " + lines.get(3));
    }

    @Test
    void anIntervalClosesOnTimeWithoutAnotherRequest() {
        List<String> lines = new ArrayList<>();
        TestClock clock = new TestClock();
        DecisionLog log = new DecisionLog(lines::add).sampledBy(() -> Optional.of(new LogSampling(5, LogSampling.ALL)), clock);
        log.write(exchange(true), 200);
        clock.advance(Duration.ofSeconds(4));
        log.flushDue();
        assertEquals(1, lines.size(), "not due yet");
        clock.advance(Duration.ofSeconds(1));
        log.flushDue();
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(1).contains("\"requests\":1,\"logged\":1,\"not_logged\":0"), lines.get(1));
        log.flushDue();
        assertEquals(2, lines.size(), "a summary once per interval");
    }

    @Test
    void withoutALogBlockEveryDecisionIsLoggedAndNothingIsSummarized() {
        List<String> lines = new ArrayList<>();
        TestClock clock = new TestClock();
        DecisionLog log = new DecisionLog(lines::add).sampledBy(Optional::empty, clock);
        for (int i = 0; i < 100; i++) {
            log.write(exchange(i % 2 == 0), 200);
        }
        clock.advance(Duration.ofMinutes(1));
        log.flushDue();
        log.flush();
        assertEquals(100, count(lines, "alp"));
        assertEquals(0, count(lines, "summary"));
    }

    @Test
    void aReloadThatChangesTheLogBlockClosesTheWindowAndStartsANewOne() {
        List<String> lines = new ArrayList<>();
        AtomicReference<Optional<LogSampling>> current = new AtomicReference<>(Optional.of(new LogSampling(60, 1)));
        DecisionLog log = new DecisionLog(lines::add).sampledBy(current::get, new TestClock());
        log.write(exchange(true), 200);
        log.write(exchange(true), 200);
        current.set(Optional.of(new LogSampling(60, 10)));
        log.write(exchange(true), 200);
        log.write(exchange(true), 200);
        log.flush();
        assertEquals(List.of("alp", "summary", "alp", "alp", "summary"), lines.stream()
                .map(line -> line.replaceAll(".*\"type\":\"([a-z]+)\".*", "$1")).toList());
        assertTrue(lines.get(1).contains("\"requests\":2,\"logged\":1,\"not_logged\":1"), lines.get(1));
    }

    @Test
    void severalLogBlocksGetAtLeastWhatEachAsks() {
        assertEquals(Optional.of(new LogSampling(5, LogSampling.ALL)),
                LogSampling.combine(List.of(new LogSampling(10, LogSampling.ALL), new LogSampling(5, 100))));
        assertEquals(Optional.of(new LogSampling(5, 100)), LogSampling.combine(List.of(new LogSampling(10, 7), new LogSampling(5, 100))));
        assertEquals(Optional.empty(), LogSampling.combine(List.of()));
    }
}
