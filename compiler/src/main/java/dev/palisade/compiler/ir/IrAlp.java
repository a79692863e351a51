package dev.palisade.compiler.ir;

import java.util.List;

/**
 * The ALP rules of one policy, in source order. Deny rules are tried before allow rules, so an
 * explicit deny wins wherever it is written; among rules of one kind the first in source order
 * decides.
 */
public record IrAlp(List<IrRule> rules) {
    public IrAlp {
        rules = List.copyOf(rules);
    }
}
