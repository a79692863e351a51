package dev.palisade.compiler.ir.waf;

/** A non-disruptive action that runs on each match, in the order written: {@code setvar}, {@code ctl}, … */
public record IrWafAction(String name, String value) {}
