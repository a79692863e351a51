package dev.palisade.proxy.log;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes sampling windows on time, so a window's summary line appears when its interval ends even
 * if no request follows; on close, the last window's summary is written.
 */
public final class SummaryFlusher implements AutoCloseable {
    private final DecisionLog log;
    private final ScheduledExecutorService timer;

    private SummaryFlusher(DecisionLog log) {
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "palisade-log-summaries");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static SummaryFlusher start(DecisionLog log) {
        SummaryFlusher flusher = new SummaryFlusher(log);
        flusher.timer.scheduleAtFixedRate(log::flushDue, 1, 1, TimeUnit.SECONDS);
        return flusher;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        log.flush();
    }
}
