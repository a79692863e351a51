package dev.palisade.proxy.pipeline;

import dev.palisade.proxy.log.LogSampling;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bundle requests are decided with. Reload swaps it atomically: a request that started
 * with the old bundle finishes with it, the next one sees the new one.
 */
public final class PolicyHolder {
    /** A bundle and what is derived from it once, when it is installed, rather than per request. */
    private record Loaded(PolicyBundle bundle, Optional<LogSampling> logSampling) {}

    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong failedReloads = new AtomicLong();

    /** The current bundle, or empty before the first one is loaded. */
    public Optional<PolicyBundle> current() {
        return Optional.ofNullable(current.get()).map(Loaded::bundle);
    }

    /** The current bundle's {@link PolicyBundle#logSampling()}, worked out when it was installed. */
    public Optional<LogSampling> logSampling() {
        Loaded loaded = current.get();
        return loaded == null ? Optional.empty() : loaded.logSampling();
    }

    /** Installs a bundle (already compiled and checked) and returns the one it replaced, if any. */
    public Optional<PolicyBundle> swap(PolicyBundle bundle) {
        if (bundle == null) {
            throw new IllegalArgumentException("a bundle is required; a bad bundle never replaces a good one");
        }
        swaps.incrementAndGet();
        return Optional.ofNullable(current.getAndSet(new Loaded(bundle, bundle.logSampling()))).map(Loaded::bundle);
    }

    /** A reload produced no bundle (it did not compile); the current one stays. */
    public void reloadFailed() {
        failedReloads.incrementAndGet();
    }

    /** How many bundles were installed, the first one included (for the metrics). */
    public long swaps() {
        return swaps.get();
    }

    public long failedReloads() {
        return failedReloads.get();
    }
}
