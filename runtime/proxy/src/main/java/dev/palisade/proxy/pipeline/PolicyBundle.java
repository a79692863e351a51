package dev.palisade.proxy.pipeline;

import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One loaded policy bundle, ready for the listener's workload: the compiled policy and which of
 * its policies select the workload (computed once, when the bundle is loaded). Immutable; a
 * request reads one bundle from {@link PolicyHolder} and uses it from start to end.
 */
public record PolicyBundle(CompiledPolicy policy, Selection selection, Instant loadedAt) {

    public String irHash() {
        return policy.irHash();
    }

    /** The names of the bundle's policies that select the listener's workload. */
    public List<String> selectedPolicies() {
        List<String> names = policy.policyNames();
        List<String> selected = new ArrayList<>();
        for (int index = 0; index < selection.size(); index++) {
            if (selection.applies(index)) {
                selected.add(names.get(index));
            }
        }
        return selected;
    }
}
