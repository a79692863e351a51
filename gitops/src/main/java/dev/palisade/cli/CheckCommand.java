package dev.palisade.cli;

import dev.palisade.compiler.PolicyCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Check policies and report every problem with file:line:col.")
final class CheckCommand implements Callable<Integer> {
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
        int policies = result.ir().map(ir -> ir.policies().size()).orElse(0);
        out.println("ok: " + Reporter.plural(result.sources().size(), "file") + ", " + Reporter.plural(policies, "policy")
                + ", " + Reporter.plural(result.unit().tests().size(), "test") + ", no errors");
        return 0;
    }
}
