package dev.palisade.dsl.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * A source text with its display name. Knows where lines start so diagnostics can quote them.
 * Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}; columns count UTF-16 code units
 * from 1, tabs count as one.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;
    private final int[] codePointOffsets;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lineStarts = findLineStarts(text);
        this.codePointOffsets = text.codePointCount(0, text.length()) == text.length()
                ? null
                : text.codePoints().map(c -> Character.charCount(c)).toArray();
        if (codePointOffsets != null) {
            int sum = 0;
            for (int i = 0; i < codePointOffsets.length; i++) {
                int width = codePointOffsets[i];
                codePointOffsets[i] = sum;
                sum += width;
            }
        }
    }

    /**
     * The UTF-16 offset of a code point index. ANTLR counts code points; Java strings and
     * editors' columns count UTF-16 units. They differ only past characters outside the BMP.
     */
    public int offsetOfCodePoint(int codePointIndex) {
        if (codePointOffsets == null || codePointIndex <= 0) {
            return codePointIndex;
        }
        if (codePointIndex >= codePointOffsets.length) {
            return text.length() + codePointIndex - codePointOffsets.length;
        }
        return codePointOffsets[codePointIndex];
    }

    /** The span of ANTLR's code point range {@code [start, stop]} (inclusive, as tokens say). */
    public Span spanOfCodePoints(int start, int stop) {
        return span(offsetOfCodePoint(start), offsetOfCodePoint(stop + 1));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line, without its line terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The character offset of a 1-based line and column, clamped to the text. */
    public int offsetOf(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + column - 1);
    }

    /** The 1-based line holding a character offset. */
    public int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    /** The 1-based column of a character offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** A span covering characters {@code [start, end)}. */
    public Span span(int start, int end) {
        int endOffset = Math.max(start, end);
        return new Span(name, lineOf(start), columnOf(start), lineOf(endOffset), columnOf(endOffset));
    }

    private static int[] findLineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
