package dev.palisade.dsl.diag;

import java.util.Comparator;

/**
 * A region of a source file: 1-based line and column of its start, and of its end (exclusive).
 * Spans are left out of structural equality of the IR (see {@code Ir}): they say where a thing
 * came from, not what it means.
 */
public record Span(String file, int line, int column, int endLine, int endColumn) implements Comparable<Span> {

    public static final Span NONE = new Span("<none>", 0, 0, 0, 0);

    private static final Comparator<Span> ORDER = Comparator.comparing(Span::file)
            .thenComparingInt(Span::line)
            .thenComparingInt(Span::column);

    public static Span point(String file, int line, int column) {
        return new Span(file, line, column, line, column + 1);
    }

    /** {@code file:line:col}, the form editors and CI annotate from. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    /** A span from this one's start to the other's end. */
    public Span to(Span other) {
        return new Span(file, line, column, other.endLine, other.endColumn);
    }

    @Override
    public int compareTo(Span other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return location();
    }
}
