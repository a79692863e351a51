package dev.palisade.cli;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.PolicyCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Turns the paths a user gives into policy files, checks them, and says what is wrong. */
final class Inputs {
    static final int USAGE = 2;
    static final int PROBLEMS = 1;

    private Inputs() {}

    /** A clean check's result, or the exit code to stop with (diagnostics already printed). */
    record Checked(Optional<PolicyCompiler.Result> result, int exitCode) {
        static Checked stop(int exitCode) {
            return new Checked(Optional.empty(), exitCode);
        }
    }

    static Checked check(List<Path> paths, PrintWriter err, BiConsumer<String, CompilationUnit> afterPass) {
        Optional<List<Path>> files = policyFiles(paths, err);
        if (files.isEmpty()) {
            return Checked.stop(USAGE);
        }
        PolicyCompiler.Result result = PolicyCompiler.check(files.get(), afterPass);
        return Reporter.report(result, err) ? Checked.stop(PROBLEMS) : new Checked(Optional.of(result), 0);
    }

    static Checked check(List<Path> paths, PrintWriter err) {
        return check(paths, err, (pass, unit) -> { });
    }

    static Optional<List<Path>> policyFiles(List<Path> paths, PrintWriter err) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("palisade: " + path + ": no such file or directory");
                return Optional.empty();
            }
        }
        try {
            List<Path> files = PolicyCompiler.policyFiles(paths);
            if (files.isEmpty()) {
                err.println("palisade: no .pal files in " + paths);
                return Optional.empty();
            }
            return Optional.of(files);
        } catch (IOException unreadable) {
            err.println("palisade: cannot list policy files: " + unreadable.getMessage());
            return Optional.empty();
        }
    }
}
