package dev.palisade.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.Backends;
import dev.palisade.backends.BuildDirectory;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.InexactTranslations;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * The options that choose what a build emits, and the build itself: shared by {@code build},
 * {@code apply} and {@code status} so the cluster gets exactly what {@code build --stdout} prints.
 */
final class BackendSelection {
    @Option(names = "--backend", split = ",", paramLabel = "NAME",
            description = "only these backends (default: all of ${COMPLETION-CANDIDATES})", completionCandidates = BackendNames.class)
    List<String> backends;

    @Option(names = "--calico-crds", description = "emit crd.projectcalico.org/v1 (clusters without the Calico API server)"
            + " instead of projectcalico.org/v3")
    boolean calicoCrds;

    @Option(names = "--staged", description = "emit Calico policies as Staged* kinds: reported by Calico, not enforced (dry run)")
    boolean staged;

    @Option(names = "--image", paramLabel = "IMAGE", description = "the Palisade runtime image (default: ${DEFAULT-VALUE})",
            defaultValue = BuildOptions.DEFAULT_IMAGE)
    String image;

    @Option(names = "--envoy-runtime", paramLabel = "IP:PORT", defaultValue = BuildOptions.Envoy.DEFAULT_RUNTIME,
            description = "where Envoy's ext_authz filter reaches the runtime's gRPC service, `palisade serve --mode"
                    + " ext-authz --grpc-listen IP:PORT` (default: ${DEFAULT-VALUE})")
    String envoyRuntime;

    @Option(names = "--envoy-failure-mode", paramLabel = "deny|allow", defaultValue = "deny",
            description = "what Envoy does with a request when the runtime cannot answer: deny it (403, the default)"
                    + " or allow it unchecked (fail open)")
    String envoyFailureMode;

    @Option(names = "--accept-inexact", split = ",", paramLabel = "CODE",
            description = "accept these weaker but safe translations (warnings instead of errors): P0621, P0623, P0640")
    List<String> acceptInexact;

    /** Every backend's output, or the exit code to stop with (the problems already printed). */
    record Built(Optional<List<BuildDirectory.Part>> parts, int exitCode) {
        static Built stop(int exitCode) {
            return new Built(Optional.empty(), exitCode);
        }

        /** The Kubernetes objects of every part, in stream order. */
        List<ObjectNode> objects() {
            return BuildDirectory.objects(parts.orElseThrow());
        }
    }

    /** Checks the policies and runs the selected backends over them. */
    Built build(List<Path> paths, PrintWriter err) {
        List<Backend> selected = selectedBackends(err);
        Optional<BuildOptions.Envoy> envoy = envoyOptions(err);
        Optional<Set<DiagnosticCode>> accepted = acceptedInexact(err);
        if (selected == null || envoy.isEmpty() || accepted.isEmpty()) {
            return Built.stop(Inputs.USAGE);
        }
        Inputs.Checked checked = Inputs.check(paths, err);
        if (checked.result().isEmpty()) {
            return Built.stop(checked.exitCode());
        }
        PolicyCompiler.Result result = checked.result().get();
        Diagnostics diagnostics = new Diagnostics();
        result.diagnostics().sources().values().forEach(diagnostics::rememberSource);
        BuildInput input = BuildInputs.from(result, diagnostics);
        BuildOptions defaults = BuildOptions.defaults();
        BuildOptions options = new BuildOptions(calicoCrds ? BuildOptions.CALICO_CRD_V1 : BuildOptions.CALICO_V3, staged,
                image, defaults.runtimeNamespace(), envoy.get(), accepted.get());
        List<BuildDirectory.Part> parts = new ArrayList<>();
        for (Backend backend : selected) {
            if (!diagnostics.hasErrors()) {
                BackendOutput output = InexactTranslations.emit(backend, input, options, diagnostics);
                parts.add(new BuildDirectory.Part(backend.name(), output));
            }
        }
        if (Reporter.report(diagnostics, result.sources().size(), err)) {
            return Built.stop(Inputs.PROBLEMS);
        }
        return new Built(Optional.of(parts), 0);
    }

    /** The codes {@code --accept-inexact} names, or empty after a message naming one it cannot take. */
    private Optional<Set<DiagnosticCode>> acceptedInexact(PrintWriter err) {
        Set<DiagnosticCode> accepted = new TreeSet<>();
        for (String id : acceptInexact == null ? List.<String>of() : acceptInexact) {
            Optional<DiagnosticCode> code = Arrays.stream(DiagnosticCode.values())
                    .filter(candidate -> candidate.id().equals(id.strip())).findFirst();
            if (code.isPresent() && InexactTranslations.acceptable(code.get())) {
                accepted.add(code.get());
                continue;
            }
            err.println("palisade: --accept-inexact cannot accept `" + id + "`: " + code.flatMap(InexactTranslations::refusal)
                    .map(why -> "that translation would widen the policy (" + why + ")")
                    .orElse(code.isPresent() ? "it is not a weaker translation" : "no such diagnostic code")
                    + "; it takes " + InexactTranslations.acceptableCodes());
            return Optional.empty();
        }
        return Optional.of(accepted);
    }

    /** Envoy's options, or empty after a message saying what is wrong with them. */
    private Optional<BuildOptions.Envoy> envoyOptions(PrintWriter err) {
        boolean failOpen;
        if (envoyFailureMode.equals("deny")) {
            failOpen = false;
        } else if (envoyFailureMode.equals("allow")) {
            failOpen = true;
        } else {
            err.println("palisade: --envoy-failure-mode must be deny or allow, got `" + envoyFailureMode + "`");
            return Optional.empty();
        }
        Optional<IpPort> runtime = IpPort.parse(envoyRuntime);
        if (runtime.isEmpty()) {
            err.println("palisade: --envoy-runtime must be IP:PORT (Envoy's static cluster takes an IP address,"
                    + " not a host name), got `" + envoyRuntime + "`");
            return Optional.empty();
        }
        return Optional.of(new BuildOptions.Envoy(runtime.get().address(), runtime.get().port(), failOpen));
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
