package dev.palisade.compiler.ir.waf;

import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.waf.TargetSpec;
import java.util.List;
import java.util.Optional;

/**
 * One rule, or the head of a chain with the rest in {@link #chained}. A {@code SecAction} has no
 * targets and no operator: it always matches. Meta (message, tags, disruptive action, logging)
 * means something only on a chain's head, as in ModSecurity.
 *
 * @param id 0 for chained rules and Palisade's internal rules
 * @param transformations after {@code t:none} resets, in order
 * @param dataDirectory where {@code @pmFromFile}/{@code @ipMatchFromFile} files are relative to
 */
public record IrWafRule(long id, int phase, Span span, List<TargetSpec> targets, List<String> transformations,
        Optional<IrWafOperator> operator, String message, String logData, String severity, List<String> tags,
        Disruptive disruptive, int status, boolean log, boolean capture, boolean multiMatch,
        List<IrWafAction> actions, Optional<String> skipAfter, int skip, Optional<IrWafRule> chained,
        String dataDirectory) implements IrWafItem {

    public IrWafRule {
        targets = List.copyOf(targets);
        transformations = List.copyOf(transformations);
        tags = List.copyOf(tags);
        actions = List.copyOf(actions);
    }
}
