package dev.palisade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Turns the paths a user gives into the policy files to compile, or says what is wrong. */
final class Inputs {
    private Inputs() {}

    static Optional<List<Path>> policyFiles(List<Path> paths, PrintWriter err) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("palisade: " + path + ": no such file or directory");
                return Optional.empty();
            }
        }
        try {
            List<Path> files = dev.palisade.compiler.PolicyCompiler.policyFiles(paths);
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
