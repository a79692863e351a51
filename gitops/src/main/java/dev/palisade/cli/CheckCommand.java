package dev.palisade.cli;

import dev.palisade.compiler.PolicyCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        Optional<List<Path>> files = Inputs.policyFiles(paths, err);
        if (files.isEmpty()) {
            return 2;
        }
        PolicyCompiler.Result result = PolicyCompiler.check(files.get());
        if (Reporter.report(result, err)) {
            return 1;
        }
        int policies = result.ir().map(ir -> ir.policies().size()).orElse(0);
        out.println("ok: " + Reporter.plural(files.get().size(), "file") + ", " + Reporter.plural(policies, "policy")
                .replace("policys", "policies") + ", " + Reporter.plural(result.unit().tests().size(), "test") + ", no errors");
        return 0;
    }
}
