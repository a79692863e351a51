package dev.palisade.dsl.diag;

import java.util.Map;

/**
 * Renders diagnostics the way compilers do:
 *
 * <pre>
 * www.pal:4:11: error[P0301]: unknown HTTP method `GTE`
 *   4 |     allow GTE path exact "/"
 *     |           ^^^
 *   = help: did you mean `GET`?
 * </pre>
 */
public final class DiagnosticRenderer {
    private final Map<String, SourceFile> sources;

    public DiagnosticRenderer(Map<String, SourceFile> sources) {
        this.sources = sources;
    }

    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder(diagnostic.headline()).append('\n');
        SourceFile source = sources.get(diagnostic.span().file());
        Span span = diagnostic.span();
        if (source != null && span.line() >= 1 && span.line() <= source.lineCount()) {
            String line = source.line(span.line());
            String number = Integer.toString(span.line());
            String gutter = " ".repeat(number.length());
            String shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
            out.append(' ').append(number).append(" | ").append(printable(shown)).append('\n');
            int start = Math.max(1, span.column());
            int width = span.endLine() == span.line() ? Math.max(1, span.endColumn() - span.column()) : 1;
            width = Math.max(1, Math.min(width, Math.max(1, shown.length() - start + 2)));
            out.append(' ').append(gutter).append(" | ")
                    .append(" ".repeat(Math.min(start - 1, 200)))
                    .append("^".repeat(width))
                    .append('\n');
        }
        diagnostic.help().ifPresent(help -> out.append("  = help: ").append(help).append('\n'));
        return out.toString();
    }

    /** Control characters would garble a terminal: show them as spaces, keeping columns. */
    private static String printable(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return out.toString();
    }
}
