package dev.palisade.proxy.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The current window of a {@link LogSampling}: which requests get a line, and the counts its
 * summary reports when it closes. Thread-safe; a window closes when a request arrives after its
 * end or when {@link #closeIfDue} finds it over.
 */
final class SamplingWindow {
    /** What a closed window saw. */
    record Summary(Instant start, Instant end, LogSampling sampling, long requests, long logged, long allowed,
            long deniedByAlp, long deniedByWaf) {
        long notLogged() {
            return requests - logged;
        }
    }

    private final LogSampling sampling;
    private final Clock clock;
    private Instant start;
    private long requests;
    private long logged;
    private long allowed;
    private long deniedByAlp;
    private long deniedByWaf;

    SamplingWindow(LogSampling sampling, Clock clock) {
        this.sampling = sampling;
        this.clock = clock;
    }

    LogSampling sampling() {
        return sampling;
    }

    /**
     * Counts a decided request; returns whether it gets its own line, and hands the previous
     * window's summary to {@code closed} when this request starts a new window.
     */
    synchronized boolean admit(String action, String deniedBy, java.util.function.Consumer<Summary> closed) {
        Instant now = clock.instant();
        if (start != null && !now.isBefore(end())) {
            closed.accept(summary(end()));
            start = null;
        }
        if (start == null) {
            start = now;
            requests = logged = allowed = deniedByAlp = deniedByWaf = 0;
        }
        requests++;
        if ("allow".equals(action)) {
            allowed++;
        } else if ("waf".equals(deniedBy)) {
            deniedByWaf++;
        } else {
            deniedByAlp++;
        }
        boolean admitted = sampling.admits(logged);
        if (admitted) {
            logged++;
        }
        return admitted;
    }

    /** Closes the window if its time is over, handing its summary to {@code closed}. */
    synchronized void closeIfDue(java.util.function.Consumer<Summary> closed) {
        if (start != null && !clock.instant().isBefore(end())) {
            closed.accept(summary(end()));
            start = null;
        }
    }

    /** Closes the window now, whatever its time (shutdown). */
    synchronized void close(java.util.function.Consumer<Summary> closed) {
        if (start != null) {
            closed.accept(summary(clock.instant()));
            start = null;
        }
    }

    private Instant end() {
        return start.plus(Duration.ofSeconds(sampling.intervalSeconds()));
    }

    private Summary summary(Instant end) {
        return new Summary(start, end, sampling, requests, logged, allowed, deniedByAlp, deniedByWaf);
    }
}
