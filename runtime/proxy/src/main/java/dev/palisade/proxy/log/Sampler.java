package dev.palisade.proxy.log;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies the current bundle's {@link LogSampling} to decision lines: one window at a time; when
 * a reload changes the settings, the old window closes (with its summary) and a new one starts.
 */
final class Sampler {
    private final Supplier<Optional<LogSampling>> settings;
    private final Clock clock;
    private final AtomicReference<SamplingWindow> window = new AtomicReference<>();

    Sampler(Supplier<Optional<LogSampling>> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the decision gets its own line; closed windows' summaries go to {@code summaries}. */
    boolean admit(String action, String deniedBy, Consumer<SamplingWindow.Summary> summaries) {
        Optional<LogSampling> wanted = settings.get();
        SamplingWindow current = window.get();
        if (current != null && (wanted.isEmpty() || !wanted.get().equals(current.sampling()))) {
            if (window.compareAndSet(current, null)) {
                current.close(summaries);
            }
            current = null;
        }
        if (wanted.isEmpty()) {
            return true;
        }
        if (current == null) {
            window.compareAndSet(null, new SamplingWindow(wanted.get(), clock));
            current = window.get();
        }
        return current == null || current.admit(action, deniedBy, summaries);
    }

    void closeIfDue(Consumer<SamplingWindow.Summary> summaries) {
        SamplingWindow current = window.get();
        if (current != null) {
            current.closeIfDue(summaries);
        }
    }

    void close(Consumer<SamplingWindow.Summary> summaries) {
        SamplingWindow current = window.getAndSet(null);
        if (current != null) {
            current.close(summaries);
        }
    }
}
