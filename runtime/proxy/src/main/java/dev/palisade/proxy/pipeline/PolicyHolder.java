package dev.palisade.proxy.pipeline;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bundle requests are decided with. Reload swaps it atomically: a request that started
 * with the old bundle finishes with it, the next one sees the new one.
 */
public final class PolicyHolder {
    private final AtomicReference<PolicyBundle> current = new AtomicReference<>();

    /** The current bundle, or empty before the first one is loaded. */
    public Optional<PolicyBundle> current() {
        return Optional.ofNullable(current.get());
    }

    /** Installs a bundle (already compiled and checked) and returns the one it replaced, if any. */
    public Optional<PolicyBundle> swap(PolicyBundle bundle) {
        if (bundle == null) {
            throw new IllegalArgumentException("a bundle is required; a bad bundle never replaces a good one");
        }
        return Optional.ofNullable(current.getAndSet(bundle));
    }
}
