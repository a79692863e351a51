package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;

/** {@code exact "/robots.txt"} or {@code prefix "/static"} (prefixes match whole segments). */
public record PathMatch(Kind kind, StringLiteral path, Span span) {
    public enum Kind { EXACT, PREFIX }
}
