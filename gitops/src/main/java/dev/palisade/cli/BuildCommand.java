package dev.palisade.cli;

import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.Backends;
import dev.palisade.backends.BuildDirectory;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--backend", split = ",", paramLabel = "NAME",
            description = "only these backends (default: all of ${COMPLETION-CANDIDATES})", completionCandidates = BackendNames.class)
    List<String> backends;

    @Option(names = "--calico-crds", description = "emit crd.projectcalico.org/v1 (clusters without the Calico API server)"
            + " instead of projectcalico.org/v3")
    boolean calicoCrds;

    @Option(names = "--staged", description = "emit Calico policies as Staged* kinds: reported by Calico, not enforced (dry run)")
    boolean staged;

    @Option(names = "--image", paramLabel = "IMAGE", description = "the Palisade runtime image (default: ${DEFAULT-VALUE})",
            defaultValue = "ghcr.io/palisade-dev/palisade:0.1.0")
    String image;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Backend> selected = selectedBackends(err);
        if (selected == null) {
            return Inputs.USAGE;
        }
        Inputs.Checked checked = Inputs.check(paths, err);
        if (checked.result().isEmpty()) {
            return checked.exitCode();
        }
        PolicyCompiler.Result result = checked.result().get();
        Diagnostics diagnostics = new Diagnostics();
        result.diagnostics().sources().values().forEach(diagnostics::rememberSource);
        BuildInput input = BuildInputs.from(result, diagnostics);
        BuildOptions defaults = BuildOptions.defaults();
        BuildOptions options = new BuildOptions(calicoCrds ? BuildOptions.CALICO_CRD_V1 : BuildOptions.CALICO_V3, staged,
                image, defaults.runtimeNamespace());
        List<BuildDirectory.Part> parts = new ArrayList<>();
        for (Backend backend : selected) {
            if (!diagnostics.hasErrors()) {
                BackendOutput output = backend.emit(input, options, diagnostics);
                parts.add(new BuildDirectory.Part(backend.name(), output));
            }
        }
        if (Reporter.report(diagnostics, result.sources().size(), err)) {
            return Inputs.PROBLEMS;
        }
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
            out.println(String.format("%-8s %s", part.backend(), Reporter.plural(part.output().objects().size(), "object")
                    + (part.output().files().isEmpty() ? "" : ", " + Reporter.plural(part.output().files().size(), "file"))));
        }
        out.println("wrote " + destination.directory + " (kubectl apply -k " + destination.directory + ")");
        return 0;
    }

    /** The backends asked for, in build order; null (after a message) for an unknown name. */
    private List<Backend> selectedBackends(PrintWriter err) {
        if (backends == null) {
            return Backends.all();
        }
        List<Backend> selected = new ArrayList<>();
        for (Backend backend : Backends.all()) {
            if (backends.contains(backend.name())) {
                selected.add(backend);
            }
        }
        for (String name : backends) {
            if (Backends.all().stream().noneMatch(backend -> backend.name().equals(name))) {
                err.println("palisade: unknown backend `" + name + "`; backends are " + new BackendNames());
                return null;
            }
        }
        return selected;
    }

    static final class BackendNames extends ArrayList<String> {
        BackendNames() {
            Backends.all().forEach(backend -> add(backend.name()));
        }
    }
}
