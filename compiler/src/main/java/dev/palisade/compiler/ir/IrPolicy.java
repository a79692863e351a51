package dev.palisade.compiler.ir;

import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.Span;
import java.util.Optional;

/**
 * A policy: selects workloads by selector (and namespace, for a namespaced policy) and carries
 * ALP rules. A policy without an {@code alp} block does not take part in ALP decisions.
 *
 * @param order Calico's order: lower first; {@link Double#POSITIVE_INFINITY} when not given (last)
 */
public record IrPolicy(
        int index,
        String name,
        String tier,
        double order,
        Optional<String> namespace,
        Selector selector,
        Optional<IrAlp> alp,
        Span span) {}
