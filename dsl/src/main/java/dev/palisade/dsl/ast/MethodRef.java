package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;

/** A method as written: {@code GET}, {@code "PROPFIND"} (an extension method) or {@code *} (any). */
public record MethodRef(String name, boolean quoted, Span span) {
    public boolean any() {
        return !quoted && name.equals("*");
    }
}
