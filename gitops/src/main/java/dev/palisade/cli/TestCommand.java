package dev.palisade.cli;

import dev.palisade.cli.testing.Coverage;
import dev.palisade.cli.testing.JUnitReport;
import dev.palisade.cli.testing.PolicyTestRunner;
import dev.palisade.cli.testing.PropertyRunner;
import dev.palisade.cli.testing.RequestDecider;
import dev.palisade.cli.testing.TestResult;
import dev.palisade.cli.testing.TestWorkloads;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.load.BundleLoader;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.WafEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", description = {
        "Check and compile policies, then run their test blocks: example requests and properties, through the",
        "compiled ALP matcher and the WAF, as the runtime decides them. Exit code 1 on any failure."})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @Option(names = "--tries", defaultValue = "1000", paramLabel = "N",
            description = "generated requests per property statement (default: ${DEFAULT-VALUE})")
    int tries;

    @Option(names = "--seed", paramLabel = "SEED", description = "replay a run: the seed a failing property printed")
    Long seed;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML")
    Path junit;

    @Option(names = "--coverage-min", paramLabel = "PERCENT",
            description = "fail when fewer than PERCENT of the ALP and custom WAF rules were exercised")
    Double coverageMin;

    @Option(names = "--verbose", description = "show passing tests too, with what decided them")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tries < 1) {
            err.println("palisade: --tries must be at least 1");
            return Inputs.USAGE;
        }
        Inputs.Checked checked = Inputs.check(paths, err);
        if (checked.result().isEmpty()) {
            return checked.exitCode();
        }
        PolicyCompiler.Result result = checked.result().get();
        IrBundle ir = result.ir().orElseThrow();
        BundleLoader.Loaded loaded = PolicyCompiler.load(ir, Optional.empty());
        Diagnostics wafDiagnostics = new Diagnostics();
        Map<String, IrWaf> lowered = PolicyWafs.lower(result.unit(), wafDiagnostics);
        if (Reporter.report(wafDiagnostics, result.sources().size(), err)) {
            return Inputs.PROBLEMS;
        }
        Map<String, WafEngine> wafs = new LinkedHashMap<>();
        lowered.forEach((name, waf) -> wafs.put(name, new WafInterpreter(waf)));
        out.println("checked " + Reporter.plural(result.sources().size(), "file") + ", compiled "
                + Reporter.plural(ir.policies().size(), "policy") + " into " + loaded.className()
                + (wafs.isEmpty() ? "" : " and " + Reporter.plural(wafs.size(), "WAF")));

        Coverage coverage = new Coverage(ir, lowered);
        long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        PropertyRunner properties = new PropertyRunner(runSeed, tries, ir.rulePaths(), coverage);
        PolicyTestRunner runner = new PolicyTestRunner(new RequestDecider(loaded.policy(), wafs), properties, coverage);
        JUnitReport report = new JUnitReport();
        Map<TestResult.Outcome, Integer> counts = new EnumMap<>(TestResult.Outcome.class);
        List<TestResult> failures = new ArrayList<>();
        for (PolicyFile file : result.unit().files()) {
            for (TestDecl test : file.tests()) {
                Workload workload = TestWorkloads.of(test, ir);
                List<TestResult> results = runner.run(test, workload);
                report.add(new JUnitReport.Suite("test " + test.name().text(), file.source().name(), results));
                results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
                results.stream().filter(r -> r.outcome() == TestResult.Outcome.FAIL).forEach(failures::add);
                print(out, "test " + test.name().text() + " (" + file.source().name() + ", workload " + workload + ")", results);
            }
        }
        out.println();
        out.println(coverage.summary());
        coverage.uncovered().forEach(rule -> out.println("  not exercised: " + rule.name() + " (" + rule.location() + ")"));
        for (TestResult failure : failures) {
            out.println("FAILED " + failure.span().location() + " " + failure.name());
        }
        int failed = counts.getOrDefault(TestResult.Outcome.FAIL, 0);
        out.println(counts.getOrDefault(TestResult.Outcome.PASS, 0) + " passed, " + failed + " failed, "
                + counts.getOrDefault(TestResult.Outcome.SKIP, 0) + " skipped" + (failed > 0 ? " (seed " + runSeed + ")" : ""));
        boolean coverageLow = coverageMin != null && coverage.percent() < coverageMin;
        if (coverageLow) {
            out.printf("coverage %.0f%% is below --coverage-min %s%n", Math.floor(coverage.percent()), coverageMin);
        }
        if (junit != null) {
            try {
                report.write(junit);
            } catch (IOException e) {
                err.println("palisade: cannot write " + junit + ": " + e.getMessage());
                return Inputs.PROBLEMS;
            }
        }
        return failed > 0 || coverageLow ? 1 : 0;
    }

    /** Failures first, each with why; passing ones as one line each (with what decided, if verbose). */
    private void print(PrintWriter out, String title, List<TestResult> results) {
        out.println();
        out.println(title);
        for (TestResult.Outcome outcome : List.of(TestResult.Outcome.FAIL, TestResult.Outcome.SKIP, TestResult.Outcome.PASS)) {
            for (TestResult result : results) {
                if (result.outcome() == outcome) {
                    out.printf("  %-4s  %s%n", outcome, result.name());
                    if (outcome != TestResult.Outcome.PASS || verbose) {
                        result.details().forEach(line -> out.println("          " + line));
                    }
                }
            }
        }
    }
}
