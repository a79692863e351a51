package dev.palisade.compiler.ir.waf;

import dev.palisade.dsl.diag.Span;

/** A rule set's entry, in order: a rule (or chain) or a {@code SecMarker}. */
public sealed interface IrWafItem permits IrWafRule, IrWafMarker {
    Span span();
}
