package dev.palisade.dsl.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects diagnostics from all passes. Passes report and go on; the pass runner stops after a
 * pass that reported errors. Past {@link #MAX_ERRORS} errors, further ones are counted, not kept,
 * so a pathological file cannot fill memory with messages.
 */
public final class Diagnostics {
    public static final int MAX_ERRORS = 50;

    private final List<Diagnostic> kept = new ArrayList<>();
    private final java.util.Map<String, SourceFile> sources = new java.util.LinkedHashMap<>();
    private int errors;
    private int dropped;

    public void report(Diagnostic diagnostic) {
        if (diagnostic.isError()) {
            errors++;
            if (errors > MAX_ERRORS) {
                dropped++;
                return;
            }
        }
        kept.add(diagnostic);
    }

    public void error(DiagnosticCode code, Span span, String message) {
        report(Diagnostic.error(code, span, message));
    }

    public void error(DiagnosticCode code, Span span, String message, String help) {
        report(Diagnostic.error(code, span, message).withHelp(help));
    }

    public void warning(DiagnosticCode code, Span span, String message) {
        report(Diagnostic.warning(code, span, message));
    }

    public void warning(DiagnosticCode code, Span span, String message, String help) {
        report(Diagnostic.warning(code, span, message).withHelp(help));
    }

    /** Keeps a file that diagnostics may point into (an included SecLang file), for rendering. */
    public void rememberSource(SourceFile source) {
        sources.put(source.name(), source);
    }

    /** The files remembered with {@link #rememberSource}. */
    public java.util.Map<String, SourceFile> sources() {
        return java.util.Collections.unmodifiableMap(sources);
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    /** Whether the cap was reached: parsers stop early then. */
    public boolean full() {
        return errors >= MAX_ERRORS;
    }

    public int dropped() {
        return dropped;
    }

    /** Everything kept, sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> all = new ArrayList<>(kept);
        Collections.sort(all);
        return all;
    }
}
