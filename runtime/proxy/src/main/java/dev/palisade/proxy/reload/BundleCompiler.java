package dev.palisade.proxy.reload;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.check.CheckLogBlocks;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticRenderer;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.proxy.log.LogSampling;
import dev.palisade.proxy.pipeline.PolicyBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compiles a policy directory into a {@link PolicyBundle} for one workload: the ALP bytecode and
 * the WAF of every policy with a {@code waf} block (CRS included). Slow (parsing, checking, the
 * rule set, Janino): call it off the event loop.
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
        Diagnostics wafDiagnostics = new Diagnostics();
        Map<String, IrWaf> lowered = PolicyWafs.lower(result.unit(), wafDiagnostics);
        if (wafDiagnostics.hasErrors()) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(wafDiagnostics.sources());
            return failed(wafDiagnostics.sorted().stream().filter(Diagnostic::isError).map(renderer::render)
                    .collect(Collectors.joining("\n")));
        }
        Map<String, WafEngine> wafs = new LinkedHashMap<>();
        lowered.forEach((name, waf) -> wafs.put(name, new WafInterpreter(waf)));
        return new Outcome(Optional.of(new PolicyBundle(policy, policy.select(workload), Instant.now(), wafs,
                logs(result.unit()))), "");
    }

    /** Each {@code log} block, by policy name (the check pass made sure the interval is whole seconds). */
    private static Map<String, LogSampling> logs(CompilationUnit unit) {
        Map<String, LogSampling> logs = new LinkedHashMap<>();
        for (PolicyDecl policy : unit.policies()) {
            policy.log().ifPresent(log -> logs.put(policy.name().text(),
                    new LogSampling(CheckLogBlocks.intervalSeconds(log), CheckLogBlocks.requestsPerInterval(log))));
        }
        return logs;
    }

    private static Outcome failed(String problems) {
        return new Outcome(Optional.empty(), problems);
    }
}
