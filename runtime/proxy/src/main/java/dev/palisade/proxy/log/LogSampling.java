package dev.palisade.proxy.log;

import java.util.Collection;
import java.util.Optional;

/**
 * A policy's {@code log} block as the runtime applies it, with Calico's ApplicationLayer meaning:
 * decisions are logged in windows of {@code intervalSeconds}; at most {@code requestsPerInterval}
 * of them line by line ({@code -1}: all), and each window ends with one summary line counting
 * every request, logged or not.
 */
public record LogSampling(long intervalSeconds, long requestsPerInterval) {
    public static final long ALL = -1;

    public LogSampling {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("a log interval is at least one second: " + intervalSeconds);
        }
        if (requestsPerInterval < ALL) {
            throw new IllegalArgumentException("requests per interval is -1 (all) or a count: " + requestsPerInterval);
        }
    }

    /**
     * Several selected policies with {@code log} blocks: each gets at least what it asks, so the
     * shortest interval and the most requests (all beats any count).
     */
    public static Optional<LogSampling> combine(Collection<LogSampling> blocks) {
        return blocks.stream().reduce((a, b) -> new LogSampling(Math.min(a.intervalSeconds, b.intervalSeconds),
                a.requestsPerInterval == ALL || b.requestsPerInterval == ALL ? ALL
                        : Math.max(a.requestsPerInterval, b.requestsPerInterval)));
    }

    boolean admits(long loggedSoFar) {
        return requestsPerInterval == ALL || loggedSoFar < requestsPerInterval;
    }
}
