package dev.palisade.dsl.fmt;

import java.util.List;

/**
 * The formatted shape of a file before comments are placed: lines and braced blocks, in canonical
 * order, each remembering the source range it came from so comments can follow it.
 */
sealed interface Layout permits Layout.Line, Layout.Block {
    /** Offset of the node's first character in the source. */
    int start();

    /** Offset just past the node's last character in the source. */
    int end();

    /** One output line (a string inside may span lines). */
    record Line(String text, int start, int end) implements Layout {}

    /**
     * {@code header {}, children, {@code }}.
     *
     * @param openEnd offset just past the opening brace
     * @param closeStart offset of the closing brace
     */
    record Block(String header, int start, int openEnd, int closeStart, int end, List<Layout> children)
            implements Layout {
        public Block {
            children = List.copyOf(children);
        }
    }
}
