package dev.palisade.cli;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.codegen.waf.WafLoader;
import dev.palisade.compiler.codegen.waf.WafPlan;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPrinter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.load.BundleLoader;
import dev.palisade.compiler.load.InternalCompilerError;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.diag.DiagnosticRenderer;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compile", description = "Check policies and compile them to loaded bytecode: the ALP matcher, and each policy's WAF.")
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @Option(names = "--dump-generated", paramLabel = "DIR", description = "write the generated Java source here")
    Path dumpGenerated;

    @Option(names = "--dump-after", paramLabel = "PASS",
            description = "print the IR after this pass (or `all`); passes: ${COMPLETION-CANDIDATES}",
            completionCandidates = PassNames.class)
    String dumpAfter;

    @Option(names = "--timings", description = "print the time each pass took")
    boolean timings;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dumpAfter != null && !dumpAfter.equals("all") && !PolicyCompiler.passNames().contains(dumpAfter)) {
            err.println("palisade: unknown pass `" + dumpAfter + "`; passes are " + PolicyCompiler.passNames() + " or all");
            return 2;
        }
        Inputs.Checked checked = Inputs.check(paths, err, (pass, unit) -> {
            if (pass.equals(dumpAfter) || "all".equals(dumpAfter)) {
                out.println("=== after " + pass);
                out.print(unit.ir().map(IrPrinter::print).orElse("(no IR yet: this pass checks the syntax tree)\n"));
            }
        });
        if (checked.result().isEmpty()) {
            return checked.exitCode();
        }
        PolicyCompiler.Result result = checked.result().get();
        if (timings) {
            result.timings().forEach(timing -> out.printf("%-20s %8.2f ms%n", timing.pass(), timing.nanos() / 1e6));
        }
        IrBundle ir = result.ir().orElseThrow();
        try {
            BundleLoader.Loaded loaded = PolicyCompiler.load(ir, Optional.ofNullable(dumpGenerated));
            out.println("compiled " + Reporter.plural(ir.policies().size(), "policy")
                    + " into " + loaded.className() + " (" + loaded.source().lines().count() + " lines of Java)");
            Diagnostics wafDiagnostics = new Diagnostics();
            Map<String, IrWaf> wafs = PolicyWafs.lower(result.unit(), wafDiagnostics);
            if (wafDiagnostics.hasErrors()) {
                DiagnosticRenderer renderer = new DiagnosticRenderer(wafDiagnostics.sources());
                wafDiagnostics.sorted().forEach(d -> err.println(renderer.render(d)));
                return 1;
            }
            for (Map.Entry<String, IrWaf> waf : wafs.entrySet()) {
                WafLoader.Loaded compiled = WafLoader.load(WafPlan.of(waf.getValue()), Optional.ofNullable(dumpGenerated));
                out.println("compiled the WAF of policy " + waf.getKey() + " (" + Reporter.plural(waf.getValue().ruleCount(), "rule")
                        + ") into " + compiled.className() + " (" + compiled.source().lines().count() + " lines of Java)");
            }
            if (dumpGenerated != null) {
                out.println("generated source written under " + dumpGenerated);
            }
            return 0;
        } catch (InternalCompilerError bug) {
            err.println("palisade: internal error: " + bug.getMessage());
            return 3;
        }
    }

    /** The pass names, for help and completion. */
    static final class PassNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PolicyCompiler.passNames().iterator();
        }
    }
}
