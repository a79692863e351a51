package dev.palisade.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RecentLinesTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile long millis = Instant.parse("2026-11-24T17:00:00Z").toEpochMilli();

        void advance(Duration by) {
            millis += by.toMillis();
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aFullWindowKeepsTheNewestLinesOldestFirst() {
        RecentLines window = new RecentLines(3, Duration.ofMinutes(15), new ManualClock());
        assertEquals(List.of(), window.snapshot());
        window.accept("a");
        window.accept("b");
        assertEquals(List.of("a", "b"), window.snapshot());
        window.accept("c");
        window.accept("d");
        window.accept("e");
        assertEquals(List.of("c", "d", "e"), window.snapshot());
    }

    @Test
    void linesOlderThanTheMaximumAgeAreLeftOut() {
        ManualClock clock = new ManualClock();
        RecentLines window = new RecentLines(100, Duration.ofMinutes(15), clock);
        window.accept("old");
        clock.advance(Duration.ofMinutes(10));
        window.accept("newer");
        assertEquals(List.of("old", "newer"), window.snapshot());
        clock.advance(Duration.ofMinutes(5).plusMillis(1));
        assertEquals(List.of("newer"), window.snapshot(), "15 minutes and a millisecond after it was kept");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), window.snapshot());
    }

    private static final Pattern LINE = Pattern.compile("\\{\"writer\":(\\d+),\"n\":(\\d+),\"pad\":\"(x+)\"}");
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 50_000;
    private static final int CAPACITY = 1000;

    /**
     * Writers append while a reader takes snapshots: every snapshot holds whole lines, at most the
     * capacity, each writer's lines in the order it wrote them; once the writers are done the window
     * holds exactly the capacity's worth.
     */
    @Test
    @Timeout(60)
    void writersAppendingWhileOneReadsNeverTearALine() throws Exception {
        RecentLines window = new RecentLines(CAPACITY, Duration.ofMinutes(15), Clock.systemUTC());
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int id = writer;
            writers.add(threads.submit(() -> {
                go.await();
                for (int n = 0; n < PER_WRITER; n++) {
                    window.accept("{\"writer\":" + id + ",\"n\":" + n + ",\"pad\":\"" + "x".repeat(1 + n % 97) + "\"}");
                }
                return null;
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        go.countDown();
        int snapshots = 0;
        do {
            writing.set(writers.stream().anyMatch(future -> !future.isDone()));
            checkWhole(window.snapshot());
            snapshots++;
        } while (writing.get());
        for (Future<?> writer : writers) {
            writer.get();
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        List<String> last = window.snapshot();
        checkWhole(last);
        assertEquals(CAPACITY, last.size());
        assertTrue(snapshots > 0);
    }

    private static void checkWhole(List<String> lines) {
        assertTrue(lines.size() <= CAPACITY, "at most the capacity: " + lines.size());
        Map<Integer, Integer> lastOfWriter = new HashMap<>();
        for (String line : lines) {
            Matcher whole = LINE.matcher(line);
            assertTrue(whole.matches(), () -> "a torn line: " + line);
            int writer = Integer.parseInt(whole.group(1));
            int n = Integer.parseInt(whole.group(2));
            assertEquals(1 + n % 97, whole.group(3).length(), () -> "a torn line: " + line);
            Integer before = lastOfWriter.put(writer, n);
            assertTrue(before == null || before < n, () -> "writer " + writer + "'s line " + n + " after " + before);
        }
    }
}
