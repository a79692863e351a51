package dev.palisade.cli;

import dev.palisade.cli.testing.PolicyTestRunner;
import dev.palisade.cli.testing.TestCaseResult;
import dev.palisade.cli.testing.TestWorkloads;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.load.BundleLoader;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", description = "Check and compile policies, then run the example requests of their test blocks.")
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inputs.Checked checked = Inputs.check(paths, err);
        if (checked.result().isEmpty()) {
            return checked.exitCode();
        }
        PolicyCompiler.Result result = checked.result().get();
        IrBundle ir = result.ir().orElseThrow();
        BundleLoader.Loaded loaded = PolicyCompiler.load(ir, Optional.empty());
        out.println("checked " + Reporter.plural(result.sources().size(), "file") + ", compiled "
                + Reporter.plural(ir.policies().size(), "policy") + " into "
                + loaded.className());
        PolicyTestRunner runner = new PolicyTestRunner(loaded.policy());
        Map<TestCaseResult.Outcome, Integer> counts = new EnumMap<>(TestCaseResult.Outcome.class);
        int properties = 0;
        for (PolicyFile file : result.unit().files()) {
            for (TestDecl test : file.tests()) {
                Workload workload = TestWorkloads.of(test, ir);
                out.println();
                out.println("test " + test.name().text() + " (" + file.source().name() + ", workload " + workload + ")");
                for (TestCaseResult outcome : runner.run(test, workload)) {
                    counts.merge(outcome.outcome(), 1, Integer::sum);
                    out.printf("  %-4s  %s%n          %s%n", outcome.outcome(), outcome.testCase().text(), outcome.explanation());
                }
                properties += test.properties().size();
            }
        }
        out.println();
        if (properties > 0) {
            out.println(Reporter.plural(properties, "property")
                    + " checked but not run: property runs come with `palisade test` properties (issue 7)");
        }
        int failed = counts.getOrDefault(TestCaseResult.Outcome.FAIL, 0);
        out.println(counts.getOrDefault(TestCaseResult.Outcome.PASS, 0) + " passed, " + failed + " failed, "
                + counts.getOrDefault(TestCaseResult.Outcome.SKIP, 0) + " skipped");
        return failed > 0 ? 1 : 0;
    }
}
