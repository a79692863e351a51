package dev.palisade.compiler.ir.waf;

/** {@code [!]@name argument}. */
public record IrWafOperator(String name, String argument, boolean negated) {}
