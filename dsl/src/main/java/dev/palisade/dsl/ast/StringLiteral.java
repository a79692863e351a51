package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;

/**
 * A string as written in a policy, after escapes are resolved. Remembers where each character of
 * the value came from, so that errors inside a string (a selector, a path) point at the exact
 * column even after escapes.
 */
public final class StringLiteral {
    /** How the string was quoted; the formatter keeps the author's choice where it can. */
    public enum Quoting { DOUBLE, SINGLE, TRIPLE, BARE }

    private final String value;
    private final Span span;
    private final Quoting quoting;
    private final SourceFile source;
    private final int[] offsets;

    /**
     * @param offsets the file offset of each character of {@code value}, plus one more entry: the
     *     offset just past the value (before the closing quote)
     */
    public StringLiteral(String value, Span span, Quoting quoting, SourceFile source, int[] offsets) {
        this.value = value;
        this.span = span;
        this.quoting = quoting;
        this.source = source;
        this.offsets = offsets;
    }

    public String value() {
        return value;
    }

    public Span span() {
        return span;
    }

    public Quoting quoting() {
        return quoting;
    }

    /** The span of one character of the value ({@code index == value().length()} is the end). */
    public Span spanAt(int index) {
        int clamped = Math.max(0, Math.min(index, offsets.length - 1));
        int offset = offsets[clamped];
        return source.span(offset, offset + 1);
    }

    /** The span of characters {@code [start, end)} of the value. */
    public Span spanOf(int start, int end) {
        int from = offsets[Math.max(0, Math.min(start, offsets.length - 1))];
        int to = offsets[Math.max(0, Math.min(end, offsets.length - 1))];
        return source.span(from, Math.max(from + 1, to));
    }

    @Override
    public String toString() {
        return value;
    }
}
