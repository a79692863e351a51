package dev.palisade.compiler.ir.waf;

import dev.palisade.dsl.diag.Span;

/** {@code SecMarker NAME}: a {@code skipAfter} target. Markers belong to every phase, as in ModSecurity. */
public record IrWafMarker(String name, Span span) implements IrWafItem {}
