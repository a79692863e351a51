package dev.palisade.compiler.lower.waf;

import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.waf.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule while the rule set is read: mutable, because later directives
 * ({@code SecRuleUpdateTargetById}, {@code SecRuleUpdateActionById}) still change it.
 */
final class RuleDraft {
    long id;
    int phase = 2;
    Span span;
    List<TargetSpec> targets = new ArrayList<>();
    List<String> transformations = new ArrayList<>();
    boolean transformationsReset;
    Optional<IrWafOperator> operator = Optional.empty();
    String message = "";
    String logData = "";
    String severity = "";
    List<String> tags = new ArrayList<>();
    Disruptive disruptive;
    boolean blockAction;
    int status;
    Boolean log;
    boolean capture;
    boolean multiMatch;
    boolean chainsOn;
    List<IrWafAction> actions = new ArrayList<>();
    Optional<String> skipAfter = Optional.empty();
    int skip;
    RuleDraft chained;
    String dataDirectory = "";
    /** The {@code SecDefaultAction} in force where the rule was written. */
    DefaultActions.Default defaults = DefaultActions.BUILT_IN;

    IrWafRule freeze(TargetInterner interner) {
        DefaultActions.Default d = defaults;
        Disruptive effective = disruptive == null || blockAction ? d.disruptive() : disruptive;
        int effectiveStatus = status != 0 ? status : d.status() != 0 ? d.status() : effective == Disruptive.REDIRECT ? 302 : 403;
        boolean effectiveLog = log != null ? log : d.log();
        List<String> pipeline = transformationsReset || d.transformations().isEmpty() ? transformations
                : concat(d.transformations(), transformations);
        Optional<IrWafRule> next = chained == null ? Optional.empty() : Optional.of(chained.freezeLink(phase, interner));
        return new IrWafRule(id, phase, span, interner.intern(targets), pipeline, operator, message, logData, severity, tags, effective,
                effectiveStatus, effectiveLog, capture, multiMatch, actions, skipAfter, skip, next, dataDirectory);
    }

    /** A chained rule: its own targets, pipeline and actions; the head's phase. */
    private IrWafRule freezeLink(int headPhase, TargetInterner interner) {
        Optional<IrWafRule> next = chained == null ? Optional.empty() : Optional.of(chained.freezeLink(headPhase, interner));
        return new IrWafRule(0, headPhase, span, interner.intern(targets), transformations, operator, message, logData, severity, tags,
                Disruptive.PASS, 0, false, capture, multiMatch, actions, skipAfter, skip, next, dataDirectory);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
