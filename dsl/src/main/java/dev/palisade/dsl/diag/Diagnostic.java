package dev.palisade.dsl.diag;

import java.util.Optional;

/**
 * One finding about a policy: a stable code, where, what, and optionally how to fix it.
 * Messages start lowercase, have no final period, quote user text in backticks and never name
 * Java types.
 */
public record Diagnostic(DiagnosticCode code, Severity severity, Span span, String message, Optional<String> help)
        implements Comparable<Diagnostic> {

    public static Diagnostic error(DiagnosticCode code, Span span, String message) {
        return new Diagnostic(code, Severity.ERROR, span, message, Optional.empty());
    }

    public static Diagnostic warning(DiagnosticCode code, Span span, String message) {
        return new Diagnostic(code, Severity.WARNING, span, message, Optional.empty());
    }

    public Diagnostic withHelp(String text) {
        return new Diagnostic(code, severity, span, message, Optional.ofNullable(text));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error[P0101]: message}: the first line of the rendering. */
    public String headline() {
        return span.location() + ": " + severity.label() + "[" + code.id() + "]: " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int bySpan = span.compareTo(other.span);
        return bySpan != 0 ? bySpan : code.id().compareTo(other.code.id());
    }
}
