package dev.palisade.proxy.extauthz;

import dev.palisade.engine.Selection;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current bundle seen from any workload: one server decides for every workload whose Envoy
 * names it (labels and namespace in the check's context extensions). Which policies select a
 * workload is computed once per label set and bundle; a reload starts a fresh cache.
 */
final class WorkloadSelections {
    /** Label sets beyond this are decided without caching, so a misconfigured mesh cannot grow the heap. */
    static final int MAX_CACHED = 1024;

    private record Cache(PolicyBundle bundle, Map<Workload, PolicyBundle> byWorkload) {}

    private final PolicyHolder holder;
    private final AtomicReference<Cache> cache = new AtomicReference<>();

    WorkloadSelections(PolicyHolder holder) {
        this.holder = holder;
    }

    /** The current bundle with the selection for {@code workload}, or empty before one is loaded. */
    Optional<PolicyBundle> forWorkload(Workload workload) {
        Optional<PolicyBundle> current = holder.current();
        if (current.isEmpty()) {
            return current;
        }
        PolicyBundle bundle = current.get();
        Cache seen = cache.get();
        if (seen == null || seen.bundle() != bundle) {
            Cache fresh = new Cache(bundle, new ConcurrentHashMap<>());
            seen = cache.compareAndSet(seen, fresh) ? fresh : cache.get();
            if (seen.bundle() != bundle) {
                return Optional.of(select(bundle, workload));
            }
        }
        PolicyBundle cached = seen.byWorkload().get(workload);
        if (cached != null) {
            return Optional.of(cached);
        }
        PolicyBundle selected = select(bundle, workload);
        if (seen.byWorkload().size() < MAX_CACHED) {
            seen.byWorkload().putIfAbsent(workload, selected);
        }
        return Optional.of(selected);
    }

    private static PolicyBundle select(PolicyBundle bundle, Workload workload) {
        Selection selection = bundle.policy().select(workload);
        return bundle.withSelection(selection);
    }
}
