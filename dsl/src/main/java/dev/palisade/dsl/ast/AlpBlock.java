package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.List;

/** {@code alp { ... }}: the policy's application layer rules in source order. */
public record AlpBlock(List<AlpRule> rules, Span span) {
    public AlpBlock {
        rules = List.copyOf(rules);
    }
}
