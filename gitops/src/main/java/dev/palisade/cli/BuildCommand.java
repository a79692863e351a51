package dev.palisade.cli;

import dev.palisade.backends.BuildDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", description = {
        "Check policies and emit everything a cluster needs: Calico resources, Envoy bootstraps, SecLang for",
        "ModSecurity/Coraza and the manifests that run the Palisade runtime. Output is byte-identical across runs."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR",
                description = "write the build here (replaces a previous build's contents; refuses a directory with other files)")
        Path directory;

        @Option(names = "--stdout", description = "print only the Kubernetes objects, as one YAML stream (Argo CD plugins)")
        boolean stdout;
    }

    @Mixin
    BackendSelection selection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BackendSelection.Built built = selection.build(paths, err);
        if (built.parts().isEmpty()) {
            return built.exitCode();
        }
        List<BuildDirectory.Part> parts = built.parts().get();
        if (destination.stdout) {
            out.print(BuildDirectory.stream(parts));
            out.flush();
            return 0;
        }
        try {
            BuildDirectory.write(destination.directory, parts);
        } catch (IOException e) {
            err.println("palisade: cannot write the build: " + e.getMessage());
            return Inputs.PROBLEMS;
        }
        for (BuildDirectory.Part part : parts) {
            List<String> counts = new java.util.ArrayList<>();
            if (!part.output().objects().isEmpty() || part.output().files().isEmpty()) {
                counts.add(Reporter.plural(part.output().objects().size(), "object"));
            }
            if (!part.output().files().isEmpty()) {
                counts.add(Reporter.plural(part.output().files().size(), "file"));
            }
            out.println(String.format("%-8s %s", part.backend(), String.join(", ", counts)));
        }
        out.println("wrote " + destination.directory + " (kubectl apply -k " + destination.directory + ")");
        return 0;
    }
}
