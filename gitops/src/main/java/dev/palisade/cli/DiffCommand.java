package dev.palisade.cli;

import dev.palisade.cli.diff.PolicyDiff;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = {
        "Show how a policy change moves decisions (ALP, then the WAF), per workload: what changed in the WAF (mode,",
        "CRS settings, custom rules, exclusions, SecLang), and the requests allowed before and denied after, and the",
        "reverse, found at every ALP rule's boundaries, by random generation, and with attacks and ordinary values",
        "where ALP allows. Compares two paths (BEFORE AFTER), or a path with itself at a Git revision (--base REV PATH).",
        "Exit code 0: nothing changed; 1: a decision or a WAF did; 2: an input does not compile or cannot be read."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "PATH", description = "BEFORE AFTER, or with --base the one PATH to compare")
    List<Path> paths;

    @Option(names = "--base", paramLabel = "REV", description = "compare PATH with PATH at this Git revision (e.g. origin/main)")
    String base;

    @Option(names = "--generated", defaultValue = "2000", paramLabel = "N",
            description = "random requests on top of the boundary requests (default: ${DEFAULT-VALUE})")
    int generated;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "for the random requests (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--examples", defaultValue = "3", paramLabel = "N", description = "example requests per change (default: ${DEFAULT-VALUE})")
    int examples;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((base == null) != (paths.size() == 2)) {
            err.println("palisade: give BEFORE AFTER, or --base REV and one PATH");
            return Inputs.USAGE;
        }
        Path temporary = null;
        try {
            Path beforePath;
            String beforeLabel;
            Path afterPath = paths.get(paths.size() - 1);
            if (base != null) {
                temporary = Files.createTempDirectory("palisade-diff");
                try {
                    beforePath = dev.palisade.cli.diff.GitRevision.export(base, afterPath, temporary);
                } catch (IOException e) {
                    err.println("palisade: cannot read " + afterPath + " at " + base + ": " + e.getMessage());
                    return Inputs.USAGE;
                }
                beforeLabel = afterPath + " at " + base;
            } else {
                beforePath = paths.get(0);
                beforeLabel = beforePath.toString();
            }
            Inputs.Checked before = Inputs.check(List.of(beforePath), err);
            Inputs.Checked after = Inputs.check(List.of(afterPath), err);
            if (before.result().isEmpty() || after.result().isEmpty()) {
                return Inputs.USAGE;
            }
            Optional<Map<String, IrWaf>> beforeWafs = wafs(before.result().get(), err);
            Optional<Map<String, IrWaf>> afterWafs = wafs(after.result().get(), err);
            if (beforeWafs.isEmpty() || afterWafs.isEmpty()) {
                return Inputs.USAGE;
            }
            PolicyDiff diff = new PolicyDiff(beforeLabel, before.result().get(), beforeWafs.get(), afterPath.toString(),
                    after.result().get(), afterWafs.get());
            return diff.report(out, generated, seed, examples) ? 1 : 0;
        } finally {
            if (temporary != null) {
                delete(temporary);
            }
        }
    }

    /** The version's WAFs, or empty when one does not compile (a SecLang or CRS problem, printed). */
    private static Optional<Map<String, IrWaf>> wafs(PolicyCompiler.Result result, PrintWriter err) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, IrWaf> wafs = PolicyWafs.lower(result.unit(), diagnostics);
        return Reporter.report(diagnostics, result.sources().size(), err) ? Optional.empty() : Optional.of(wafs);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
