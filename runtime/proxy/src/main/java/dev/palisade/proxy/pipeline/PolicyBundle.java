package dev.palisade.proxy.pipeline;

import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.proxy.log.LogSampling;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded policy bundle, ready for the listener's workload: the compiled policy and which of
 * its policies select the workload (computed once, when the bundle is loaded). Immutable; a
 * request reads one bundle from {@link PolicyHolder} and uses it from start to end.
 */
public record PolicyBundle(CompiledPolicy policy, Selection selection, Instant loadedAt, Map<String, WafEngine> wafs,
        Map<String, LogSampling> logs) {

    public PolicyBundle {
        wafs = Map.copyOf(wafs);
        logs = Map.copyOf(logs);
    }

    /** A bundle whose policies have no {@code log} blocks. */
    public PolicyBundle(CompiledPolicy policy, Selection selection, Instant loadedAt, Map<String, WafEngine> wafs) {
        this(policy, selection, loadedAt, wafs, Map.of());
    }

    /** A bundle without any WAF. */
    public PolicyBundle(CompiledPolicy policy, Selection selection, Instant loadedAt) {
        this(policy, selection, loadedAt, Map.of());
    }

    /** The same policies and WAFs for another workload's selection (ext_authz: per check). */
    public PolicyBundle withSelection(Selection other) {
        return new PolicyBundle(policy, other, loadedAt, wafs, logs);
    }

    /** How the selected policies' {@code log} blocks sample decision lines; empty when none has one. */
    public Optional<LogSampling> logSampling() {
        if (logs.isEmpty()) {
            return Optional.empty();
        }
        List<LogSampling> selected = new ArrayList<>();
        for (String name : selectedPolicies()) {
            LogSampling sampling = logs.get(name);
            if (sampling != null) {
                selected.add(sampling);
            }
        }
        return LogSampling.combine(selected);
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
