package dev.palisade.proxy.pipeline;

import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.waf.WafEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One loaded policy bundle, ready for the listener's workload: the compiled policy and which of
 * its policies select the workload (computed once, when the bundle is loaded). Immutable; a
 * request reads one bundle from {@link PolicyHolder} and uses it from start to end.
 */
public record PolicyBundle(CompiledPolicy policy, Selection selection, Instant loadedAt, Map<String, WafEngine> wafs) {

    public PolicyBundle {
        wafs = Map.copyOf(wafs);
    }

    /** A bundle without any WAF. */
    public PolicyBundle(CompiledPolicy policy, Selection selection, Instant loadedAt) {
        this(policy, selection, loadedAt, Map.of());
    }

    /** The same policies and WAFs for another workload's selection (ext_authz: per check). */
    public PolicyBundle withSelection(Selection other) {
        return new PolicyBundle(policy, other, loadedAt, wafs);
    }

    /** The WAFs of the selected policies that have a {@code waf} block, in policy order. */
    public List<WafEngine> selectedWafs() {
        if (wafs.isEmpty()) {
            return List.of();
        }
        List<WafEngine> selected = new ArrayList<>();
        for (String name : selectedPolicies()) {
            WafEngine waf = wafs.get(name);
            if (waf != null) {
                selected.add(waf);
            }
        }
        return selected;
    }

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
