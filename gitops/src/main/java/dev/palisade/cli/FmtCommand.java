package dev.palisade.cli;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.fmt.PolicyFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fmt", description = "Rewrite policy files in the canonical format (comments are kept).")
final class FmtCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @Option(names = "--check", description = "change nothing; list the files that are not formatted and exit 1 if any")
    boolean check;

    @Option(names = "--stdout", description = "print the formatted text instead of rewriting the files")
    boolean stdout;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<List<Path>> files = Inputs.policyFiles(paths, err);
        if (files.isEmpty()) {
            return 2;
        }
        Diagnostics diagnostics = new Diagnostics();
        List<Path> unformatted = new ArrayList<>();
        for (Path file : files.get()) {
            byte[] bytes = Files.readAllBytes(file);
            Optional<String> formatted = PolicyFormatter.formatSource(file.toString(), bytes, diagnostics);
            if (formatted.isEmpty()) {
                continue;
            }
            String text = formatted.get();
            if (stdout) {
                out.print(text);
            } else if (!text.equals(new String(bytes, StandardCharsets.UTF_8))) {
                unformatted.add(file);
                if (!check) {
                    replace(file, text);
                    out.println("formatted " + file);
                }
            }
        }
        if (Reporter.report(new PolicyCompiler.Result(diagnostics.sources(), diagnostics, null, List.of()), err)) {
            return 1;
        }
        if (check && !unformatted.isEmpty()) {
            unformatted.forEach(file -> out.println("not formatted: " + file));
            return 1;
        }
        return 0;
    }

    /** Write beside the file, then rename over it: an interrupted run never leaves half a policy. */
    private static void replace(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".palisade-fmt", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
