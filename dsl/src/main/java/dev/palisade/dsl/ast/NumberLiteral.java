package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;

/** A whole number as written; {@code value} is empty when it does not fit a long. */
public record NumberLiteral(String text, java.util.OptionalLong value, Span span) {}
