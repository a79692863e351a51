package dev.palisade.compiler;

import dev.palisade.compiler.check.CheckDuplicateNames;
import dev.palisade.compiler.check.CheckLogBlocks;
import dev.palisade.compiler.check.CheckRuleConflicts;
import dev.palisade.compiler.check.CheckTests;
import dev.palisade.compiler.check.CheckWafBlocks;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.load.BundleLoader;
import dev.palisade.compiler.lower.LowerPolicies;
import dev.palisade.compiler.opt.PlanAlp;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.parse.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Runs the compiler: parse every file, then the passes in order, stopping after the first pass
 * that reports errors (later passes assume earlier ones succeeded).
 */
public final class PolicyCompiler {

    /** The passes, in order. Each entry says why it sits where it does. */
    public static final List<Pass> PASSES = List.of(
            new CheckDuplicateNames(), // first: later passes key policies by name
            new LowerPolicies(),       // AST → IR; resolves tiers, parses selectors, normalizes paths
            new CheckRuleConflicts(),  // needs IR rules with normalized paths
            new CheckWafBlocks(),      // needs every file's custom rule ids
            new CheckLogBlocks(),
            new CheckTests());         // needs IR selectors to find each test's workload

    /** Time spent in one pass, for {@code --timings}. */
    public record PassTiming(String pass, long nanos) {}

    /** Everything a command needs to report on and go on from a compilation. */
    public record Result(Map<String, SourceFile> sources, Diagnostics diagnostics, CompilationUnit unit,
            List<PassTiming> timings) {
        public Optional<IrBundle> ir() {
            return diagnostics.hasErrors() ? Optional.empty() : unit.ir();
        }
    }

    private PolicyCompiler() {}

    /**
     * The {@code .pal} files under the given files and directories, in a stable order. Hidden
     * files and directories below a directory are skipped: a Kubernetes ConfigMap volume keeps
     * each version of its files in a hidden {@code ..TIMESTAMP} directory next to the visible
     * links, and Git checkouts have {@code .git}; reading those would load every policy twice.
     */
    public static List<Path> policyFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(path -> path.toString().endsWith(".pal") && Files.isRegularFile(path)
                                    && !hiddenBelow(input, path))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static boolean hiddenBelow(Path directory, Path path) {
        for (Path part : directory.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Parses and checks; {@code afterPass} sees the unit after each pass (for {@code --dump-after}). */
    public static Result check(List<Path> files, BiConsumer<String, CompilationUnit> afterPass) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        List<PolicyFile> parsed = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            PolicyParser.Parsed result;
            try {
                long size = Files.size(file);
                result = size > PolicyParser.MAX_FILE_BYTES
                        ? PolicyParser.tooLarge(name, size, diagnostics)
                        : PolicyParser.parse(name, Files.readAllBytes(file), diagnostics);
            } catch (IOException unreadable) {
                diagnostics.error(DiagnosticCode.UNREADABLE_FILE, Span.point(name, 1, 1),
                        "cannot read file: " + unreadable.getClass().getSimpleName().replace("Exception", "")
                                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase());
                continue;
            }
            sources.put(name, result.source());
            result.ast().ifPresent(parsed::add);
        }
        CompilationUnit unit = CompilationUnit.of(parsed);
        List<PassTiming> timings = new ArrayList<>();
        // Files that parsed are checked even when others did not, so one run reports as much as
        // it can; after that, a pass that reports errors stops the pipeline.
        for (Pass pass : PASSES) {
            if (parsed.isEmpty() || diagnostics.full()) {
                break;
            }
            int errorsBefore = diagnostics.errorCount();
            long start = System.nanoTime();
            unit = pass.run(unit, diagnostics);
            timings.add(new PassTiming(pass.name(), System.nanoTime() - start));
            afterPass.accept(pass.name(), unit);
            if (diagnostics.errorCount() > errorsBefore) {
                break;
            }
        }
        return new Result(sources, diagnostics, unit, timings);
    }

    public static Result check(List<Path> files) {
        return check(files, (pass, unit) -> { });
    }

    /** IR → loaded bytecode matcher; {@code dumpGenerated} receives the generated source. */
    public static BundleLoader.Loaded load(IrBundle bundle, Optional<Path> dumpGenerated) {
        return BundleLoader.load(PlanAlp.plan(bundle), dumpGenerated);
    }

    public static List<String> passNames() {
        return PASSES.stream().map(Pass::name).toList();
    }
}
