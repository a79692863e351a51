package dev.palisade.dsl.fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link Layout} and puts every comment of the source back next to the node it was next
 * to. Comments are owned by source position, not by printing order, so a setting moved to its
 * canonical place takes its comments along:
 * <ul>
 *   <li>a comment between two siblings leads the next one and is printed on its own line above it;
 *   <li>a comment inside a one-line item, or between a block's keyword and its {@code {}, is
 *       printed above the item too (a {@code //} comment cannot stay inside a line);
 *   <li>comments starting on the line where an item ends (or on the line where the previous such
 *       comment ended) trail it on that line; after a {@code {} they trail the brace;
 *   <li>comments after a block's last item stay at the end of the block, above its {@code }}.
 * </ul>
 * Inside a block, a blank line the author left before an item (or its leading comments) is kept,
 * one at most, so groups of rules and test cases stay grouped.
 * Each rule maps the printed output onto itself, which is what makes formatting idempotent.
 */
final class LayoutPrinter {
    private static final String INDENT = "    ";

    /** Comments printed above a node, and after it on its last line. */
    private record Placement(List<Comment> above, List<Comment> after) {}

    /** The placements of a list of siblings, and the comments after the last of them. */
    private record Siblings(Map<Layout, Placement> placements, List<Comment> atEnd) {}

    private final SourceTokens tokens;
    private final List<Comment> comments;
    private final boolean[] taken;
    private final StringBuilder out = new StringBuilder();

    private LayoutPrinter(SourceTokens tokens) {
        this.tokens = tokens;
        this.comments = tokens.comments();
        this.taken = new boolean[comments.size()];
    }

    /** The file: declarations in the given order, a blank line between them. */
    static String print(List<Layout> declarations, SourceTokens tokens) {
        LayoutPrinter printer = new LayoutPrinter(tokens);
        Siblings siblings = printer.place(declarations, 0, tokens.length());
        boolean first = true;
        for (Layout declaration : declarations) {
            if (!first) {
                printer.out.append('\n');
            }
            printer.emit(declaration, siblings.placements().get(declaration), 0);
            first = false;
        }
        List<Comment> rest = new ArrayList<>(siblings.atEnd());
        // INVARIANT: regions partition the file, so nothing is left here; if a span were ever
        // wrong, a comment still must not be lost, so it goes to the end rather than nowhere.
        rest.addAll(printer.take(0, Integer.MAX_VALUE));
        if (!rest.isEmpty() && !declarations.isEmpty()) {
            printer.out.append('\n');
        }
        rest.forEach(comment -> printer.line(0, comment.text()));
        return printer.out.toString();
    }

    private void emit(Layout node, Placement placement, int indent) {
        placement.above().forEach(comment -> line(indent, comment.text()));
        if (node instanceof Layout.Line line) {
            line(indent, line.text() + trailing(placement.after()));
            return;
        }
        Layout.Block block = (Layout.Block) node;
        List<Layout> bySource = bySource(block.children());
        int firstStart = bySource.isEmpty() ? block.closeStart() : bySource.get(0).start();
        List<Comment> afterBrace = chain(block.openEnd(), firstStart);
        int bodyStart = afterBrace.isEmpty() ? block.openEnd() : afterBrace.get(afterBrace.size() - 1).end();
        Siblings inner = place(block.children(), bodyStart, block.closeStart());
        if (block.children().isEmpty() && afterBrace.isEmpty() && inner.atEnd().isEmpty()) {
            line(indent, block.header() + " {}" + trailing(placement.after()));
            return;
        }
        line(indent, block.header() + " {" + trailing(afterBrace));
        boolean first = true;
        for (Layout child : block.children()) {
            Placement childPlacement = inner.placements().get(child);
            int top = childPlacement.above().isEmpty() ? child.start() : childPlacement.above().get(0).start();
            // One blank line the author left between items of a block is kept; more become one.
            if (!first && tokens.blankLineBefore(top)) {
                out.append('\n');
            }
            emit(child, childPlacement, indent + 1);
            first = false;
        }
        inner.atEnd().forEach(comment -> line(indent + 1, comment.text()));
        line(indent, "}" + trailing(placement.after()));
    }

    /** Assigns the comments of {@code [bodyStart, bodyEnd)} to the siblings found there. */
    private Siblings place(List<Layout> siblings, int bodyStart, int bodyEnd) {
        List<Layout> bySource = bySource(siblings);
        Map<Layout, Placement> placements = new IdentityHashMap<>();
        int cursor = bodyStart;
        for (int i = 0; i < bySource.size(); i++) {
            Layout node = bySource.get(i);
            int limit = i + 1 < bySource.size() ? bySource.get(i + 1).start() : bodyEnd;
            List<Comment> above = take(cursor, node.start());
            int inside = node instanceof Layout.Block block ? block.openEnd() : node.end();
            above.addAll(take(node.start(), inside));
            List<Comment> after = chain(node.end(), limit);
            cursor = after.isEmpty() ? node.end() : Math.max(node.end(), after.get(after.size() - 1).end());
            placements.put(node, new Placement(above, after));
        }
        return new Siblings(placements, take(cursor, bodyEnd));
    }

    /** The comments starting on the line where {@code from} is, each continuing the line of the one before. */
    private List<Comment> chain(int from, int limit) {
        List<Comment> chain = new ArrayList<>();
        int line = tokens.lineOf(Math.max(0, from - 1));
        for (int i = firstAtOrAfter(from); i < comments.size(); i++) {
            Comment comment = comments.get(i);
            if (comment.start() >= limit || comment.startLine() != line) {
                break;
            }
            if (!taken[i]) {
                taken[i] = true;
                chain.add(comment);
                line = comment.endLine();
            }
        }
        return chain;
    }

    /** The comments not printed yet that start in {@code [from, to)}. */
    private List<Comment> take(int from, int to) {
        List<Comment> found = new ArrayList<>();
        for (int i = firstAtOrAfter(from); i < comments.size() && comments.get(i).start() < to; i++) {
            if (!taken[i]) {
                taken[i] = true;
                found.add(comments.get(i));
            }
        }
        return found;
    }

    private int firstAtOrAfter(int offset) {
        int low = 0;
        int high = comments.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (comments.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static List<Layout> bySource(List<Layout> nodes) {
        List<Layout> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt(Layout::start));
        return sorted;
    }

    private static String trailing(List<Comment> comments) {
        StringBuilder text = new StringBuilder();
        comments.forEach(comment -> text.append(' ').append(comment.text()));
        return text.toString();
    }

    private void line(int indent, String text) {
        out.append(INDENT.repeat(indent)).append(text).append('\n');
    }
}
