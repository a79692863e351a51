package dev.palisade.proxy.reload;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticRenderer;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.pipeline.PolicyBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compiles a policy directory into a {@link PolicyBundle} for one workload. Slow (parsing,
 * checking, Janino): call it off the event loop.
 */
public final class BundleCompiler {
    private final Path policies;
    private final Workload workload;

    public BundleCompiler(Path policies, Workload workload) {
        this.policies = policies;
        this.workload = workload;
    }

    /** A bundle, or the rendered diagnostics that kept one from being built. */
    public record Outcome(Optional<PolicyBundle> bundle, String problems) {}

    public Outcome compile() {
        List<Path> files;
        try {
            files = PolicyCompiler.policyFiles(List.of(policies));
        } catch (IOException unreadable) {
            return failed("cannot list policy files in " + policies + ": " + unreadable.getMessage());
        }
        if (files.isEmpty()) {
            return failed("no .pal files in " + policies);
        }
        PolicyCompiler.Result result = PolicyCompiler.check(files);
        if (result.ir().isEmpty()) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(result.diagnostics().sources());
            String rendered = result.diagnostics().sorted().stream().filter(Diagnostic::isError)
                    .map(renderer::render).collect(Collectors.joining("\n"));
            return failed(rendered.isEmpty() ? "the policies did not compile" : rendered);
        }
        CompiledPolicy policy = PolicyCompiler.load(result.ir().get(), Optional.empty()).policy();
        return new Outcome(Optional.of(new PolicyBundle(policy, policy.select(workload), Instant.now())), "");
    }

    private static Outcome failed(String problems) {
        return new Outcome(Optional.empty(), problems);
    }
}
