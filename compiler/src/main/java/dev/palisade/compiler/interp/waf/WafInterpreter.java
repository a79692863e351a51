package dev.palisade.compiler.interp.waf;

import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.engine.transform.Transformation;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.LiteralScreens;
import dev.palisade.engine.waf.PhaseRunner;
import dev.palisade.engine.waf.ResponseBodyAccess;
import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafLimits;
import dev.palisade.engine.waf.Target;
import dev.palisade.engine.waf.Transaction;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference semantics of a WAF rule set: walks the IR phase by phase the way ModSecurity
 * does. Straightforward on purpose; generated code must agree with it.
 *
 * <p>Per phase: rules in load order; a removed rule ({@code ctl:ruleRemove…}) is passed over; a
 * rule matches when any of its targets matches, and a chain when every link does. Each match runs
 * the link's per-match actions ({@code setvar}, {@code ctl}) at once, as ModSecurity v2 does. A
 * matching chain logs (if {@code log}), then its disruptive action applies (only in
 * {@link EngineMode#ON}), then {@code skipAfter}/{@code skip}.
 */
public final class WafInterpreter implements WafEngine, PhaseRunner {

    private final IrWaf waf;
    /** Rules and markers of each phase 1..5 (index 0 unused); markers are in every phase. */
    private final List<List<Object>> phases = new ArrayList<>();
    /**
     * Per phase, for each position: where a match of the rule there goes on ({@code skipAfter}'s
     * marker, or past {@code skip} rules), worked out once; -1 when the rule has neither.
     */
    private final List<int[]> jumps = new ArrayList<>();

    public WafInterpreter(IrWaf waf) {
        this(waf, new LiteralScreens.Builder());
    }

    /**
     * The interpreter evaluating every rule on every value, without {@link LiteralScreens}: the
     * reference that screening must agree with (tests), and a way to rule screening out when a
     * verdict looks wrong.
     */
    public static WafInterpreter withoutLiteralScreens(IrWaf waf) {
        return new WafInterpreter(waf, LiteralScreens.Builder.none());
    }

    private WafInterpreter(IrWaf waf, LiteralScreens.Builder screens) {
        this.waf = waf;
        for (int p = 0; p <= 5; p++) {
            phases.add(new ArrayList<>());
        }
        for (IrWafItem item : waf.items()) {
            if (item instanceof IrWafMarker marker) {
                for (int p = 1; p <= 5; p++) {
                    phases.get(p).add(marker);
                }
            } else if (item instanceof IrWafRule rule) {
                phases.get(rule.phase()).add(new LinkedRule(rule, null, screens));
            }
        }
        screens.build();
        for (List<Object> items : phases) {
            int[] next = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                next[i] = !(items.get(i) instanceof LinkedRule rule) ? -1
                        : rule.ir.skipAfter().isPresent() ? markerAfter(items, i, rule.ir.skipAfter().get())
                        : rule.ir.skip() > 0 ? skipRules(items, i, rule.ir.skip()) : -1;
            }
            jumps.add(next);
        }
    }

    @Override
    public WafResult inspect(WafRequest request) {
        return WafExchange.begin(this, request).requestResult();
    }

    @Override
    public EngineMode mode() {
        return waf.mode();
    }

    @Override
    public WafLimits limits() {
        return waf.limits();
    }

    @Override
    public ResponseBodyAccess responseBodyAccess() {
        return waf.responseBodyAccess();
    }

    /** Runs one phase; false when processing must stop (interrupted, {@code allow}, engine off). */
    @Override
    public boolean runPhase(Transaction tx, int phase) {
        List<Object> items = phases.get(phase);
        int[] next = jumps.get(phase);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof LinkedRule rule) || tx.removed(rule.info)) {
                continue;
            }
            tx.beginRule(rule.info, rule.ir.capture());
            if (!matches(tx, rule)) {
                if (tx.engineMode() == EngineMode.OFF) {
                    return false;
                }
                continue;
            }
            IrWafRule head = rule.ir;
            boolean interrupts = head.disruptive().interrupts() && tx.engineMode() == EngineMode.ON;
            if (head.log()) {
                tx.log(rule.info, interrupts);
            }
            if (head.disruptive().interrupts() && tx.interrupt(head.status())) {
                return false;
            }
            if (head.disruptive() == Disruptive.ALLOW && tx.engineMode() == EngineMode.ON) {
                return false;
            }
            if (tx.engineMode() == EngineMode.OFF) {
                return false;
            }
            if (next[i] >= 0) {
                i = next[i];
            }
        }
        return true;
    }

    /** Whether the rule (and its chain) matches, running per-match actions as it goes. */
    private boolean matches(Transaction tx, LinkedRule rule) {
        tx.beginChainLink(rule.ir.capture());
        boolean matched;
        if (rule.unconditional()) {
            rule.actions.forEach(action -> action.accept(tx));
            matched = true;
        } else if (rule.operator == null) {
            tx.skip(rule.info.id());
            return false;
        } else {
            matched = false;
            boolean negated = rule.ir.operator().get().negated();
            if (!tx.mayMatch(rule.screen, rule.info)) {
                return false;
            }
            for (Target target : tx.targets(rule.ir.targets(), rule.info)) {
                if (rule.ir.multiMatch()) {
                    matched |= multiMatch(tx, rule, target, negated);
                } else {
                    String value = target.value();
                    for (Transformation t : rule.pipeline) {
                        value = t.apply(value);
                    }
                    if (rule.operator.evaluate(value, tx) != negated) {
                        matched = true;
                        tx.matched(target, value);
                        rule.actions.forEach(action -> action.accept(tx));
                    }
                }
            }
        }
        return matched && (rule.chained == null || matches(tx, rule.chained));
    }

    /** {@code multiMatch}: the operator sees the raw value and every value a transformation changed. */
    private static boolean multiMatch(Transaction tx, LinkedRule rule, Target target, boolean negated) {
        boolean matched = false;
        String value = target.value();
        for (int step = -1; step < rule.pipeline.length; step++) {
            if (step >= 0) {
                String next = rule.pipeline[step].apply(value);
                if (next.equals(value)) {
                    continue;
                }
                value = next;
            }
            if (rule.operator.evaluate(value, tx) != negated) {
                matched = true;
                tx.matched(target, value);
                rule.actions.forEach(action -> action.accept(tx));
            }
        }
        return matched;
    }

    /** The index of the marker named {@code name} after {@code from}, or the end of the phase. */
    private static int markerAfter(List<Object> items, int from, String name) {
        for (int j = from + 1; j < items.size(); j++) {
            if (items.get(j) instanceof IrWafMarker marker && marker.name().equals(name)) {
                return j;
            }
        }
        return items.size();
    }

    private static int skipRules(List<Object> items, int from, int count) {
        int j = from;
        int skipped = 0;
        while (skipped < count && j + 1 < items.size()) {
            j++;
            if (items.get(j) instanceof LinkedRule) {
                skipped++;
            }
        }
        return j;
    }
}
