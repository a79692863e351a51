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
        return report(result.diagnostics(), result.sources().size(), err);
    }

    /** Prints every diagnostic and a summary line; true when there were errors. */
    static boolean report(Diagnostics diagnostics, int files, PrintWriter err) {
        // The parsers remember every file they read, policy or included SecLang.
        DiagnosticRenderer renderer = new DiagnosticRenderer(diagnostics.sources());
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
                    + " in " + plural(files, "file"));
        } else if (warnings > 0) {
            err.println("warning: " + plural(warnings, "warning") + " in " + plural(files, "file"));
        }
        err.flush();
        return diagnostics.hasErrors();
    }

    /** {@code 1 policy}, {@code 2 policies}, {@code 3 files}. */
    static String plural(long count, String word) {
        if (count == 1) {
            return count + " " + word;
        }
        boolean consonantY = word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0;
        return count + " " + (consonantY ? word.substring(0, word.length() - 1) + "ies" : word + "s");
    }
}
