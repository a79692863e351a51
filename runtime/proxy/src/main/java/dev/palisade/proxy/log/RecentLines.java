package dev.palisade.proxy.log;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The last decision log lines, for the admin port's live dashboard: at most {@code capacity} lines,
 * none older than {@code maxAge}. The proxy writes its log on the event loops, so appending takes no
 * lock: a sequence number claims a slot of a ring and an immutable entry is published into it. A
 * reader walks the ring and keeps only entries whose sequence is the one it expects there, so a
 * line being overwritten while it reads is left out whole rather than read torn.
 */
public final class RecentLines implements Consumer<String> {
    public static final int DEFAULT_CAPACITY = 10_000;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(15);

    /** One line and when it was appended; immutable, so publishing the reference publishes it all. */
    private record Entry(long sequence, long appendedMillis, String line) {}

    private final AtomicReferenceArray<Entry> ring;
    private final AtomicLong next = new AtomicLong();
    private final long maxAgeMillis;
    private final Clock clock;

    public RecentLines(int capacity, Duration maxAge, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    /** {@value #DEFAULT_CAPACITY} lines or 15 minutes, whichever is fewer. */
    public static RecentLines withDefaults() {
        return new RecentLines(DEFAULT_CAPACITY, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    /** Keeps {@code line}, forgetting the oldest when the ring is full. */
    @Override
    public void accept(String line) {
        long sequence = next.getAndIncrement();
        ring.set(slot(sequence), new Entry(sequence, clock.millis(), line));
    }

    /** The kept lines, oldest first, that are younger than the maximum age now. */
    public List<String> snapshot() {
        long end = next.get();
        long start = Math.max(0, end - ring.length());
        long oldest = clock.millis() - maxAgeMillis;
        List<String> lines = new ArrayList<>((int) (end - start));
        for (long sequence = start; sequence < end; sequence++) {
            Entry entry = ring.get(slot(sequence));
            // Another sequence in the slot: overwritten by a newer line, or its writer has not published yet.
            if (entry != null && entry.sequence() == sequence && entry.appendedMillis() >= oldest) {
                lines.add(entry.line());
            }
        }
        return lines;
    }

    private int slot(long sequence) {
        return (int) (sequence % ring.length());
    }
}
