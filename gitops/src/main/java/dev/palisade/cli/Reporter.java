package dev.palisade.cli;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.DiagnosticRenderer;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics the way compilers do, then one summary line. */
final class Reporter {
    private Reporter() {}

    /** @return whether there were errors */
    static boolean report(PolicyCompiler.Result result, PrintWriter err) {
        Diagnostics diagnostics = result.diagnostics();
        java.util.Map<String, dev.palisade.dsl.diag.SourceFile> sources = new java.util.HashMap<>(diagnostics.sources());
        sources.putAll(result.sources());
        DiagnosticRenderer renderer = new DiagnosticRenderer(sources);
        List<Diagnostic> sorted = diagnostics.sorted();
        for (Diagnostic diagnostic : sorted) {
            err.println(renderer.render(diagnostic));
        }
        if (diagnostics.dropped() > 0) {
            err.println("error[" + DiagnosticCode.TOO_MANY_ERRORS.id() + "]: " + diagnostics.dropped()
                    + " more errors not shown (the first " + Diagnostics.MAX_ERRORS + " are)");
        }
        long warnings = sorted.stream().filter(diagnostic -> !diagnostic.isError()).count();
        if (diagnostics.hasErrors()) {
            err.println("error: " + plural(diagnostics.errorCount(), "error") + ", " + plural(warnings, "warning")
                    + " in " + plural(result.sources().size(), "file"));
        } else if (warnings > 0) {
            err.println("warning: " + plural(warnings, "warning") + " in " + plural(result.sources().size(), "file"));
        }
        err.flush();
        return diagnostics.hasErrors();
    }

    static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
