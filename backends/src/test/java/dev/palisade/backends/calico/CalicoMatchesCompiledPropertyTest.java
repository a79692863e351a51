package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.generators.BundleArbitraries;
import dev.palisade.compiler.generators.BundleArbitraries.RawRequest;
import dev.palisade.compiler.generators.BundleSpec;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Action;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The Calico backend's promise: wherever it emits without errors, Calico (as {@link CalicoEvaluator}
 * reads the emitted YAML) allows exactly what the compiled Palisade matcher allows, for random
 * bundles, workloads and requests. Bundles the backend rejects are counted, and a healthy share
 * must be accepted so the property checks real translations.
 */
class CalicoMatchesCompiledPropertyTest {

    @Property(tries = 400, maxDiscardRatio = 10)
    void calicoDecidesLikeTheCompiledMatcher(
            @ForAll("bundles") BundleSpec spec,
            @ForAll("workloads") List<Workload> workloads,
            @ForAll("requests") List<RawRequest> requests) {
        CalicoBuild build = CalicoBuild.ofSource(spec.source());
        Assume.that(build.compilation().ir().isPresent());
        String outcome = build.emitted() ? "emitted" : "rejected " + build.diagnostics().stream()
                .filter(Diagnostic::isError).map(d -> d.code().id()).distinct().sorted().toList();
        Statistics.label("calico").collect(outcome);
        Statistics.label("calico accepts").collect(build.emitted());
        Statistics.label("calico accepts").coverage(checker -> checker.check(true).percentage(p -> p > 50));
        Assume.that(build.emitted());
        // Subtraction is the interesting translation: make sure accepted bundles exercise it.
        boolean httpDeny = build.compilation().ir().orElseThrow().policies().stream()
                .flatMap(policy -> policy.alp().stream()).flatMap(alp -> alp.rules().stream())
                .anyMatch(rule -> rule.action() == IrRule.Action.DENY && (rule.methods().isPresent() || !rule.paths().isEmpty()));
        Statistics.label("accepted with a deny on methods or paths").collect(httpDeny);
        Statistics.label("accepted with a deny on methods or paths").coverage(checker -> checker.check(true).percentage(p -> p > 20));
        agree(spec.source(), build, workloads, requests);
    }

    static void agree(String source, CalicoBuild build, List<Workload> workloads, List<RawRequest> requests) {
        IrBundle ir = build.compilation().ir().orElseThrow();
        CompiledPolicy compiled = PolicyCompiler.load(ir, Optional.empty()).policy();
        // What Calico decides only counts if the API server takes the objects: the CRDs' schema and CEL rules.
        CalicoSchemas.ifPresent().ifPresent(schemas -> build.objects().forEach(object -> assertEquals(List.of(),
                schemas.problems(object), () -> "the API server would refuse\n" + build.yaml())));
        CalicoEvaluator calico = new CalicoEvaluator(build.objects());
        for (Workload workload : workloads) {
            Selection selection = compiled.select(workload);
            for (RawRequest raw : requests) {
                if (!raw.target().startsWith("/")) {
                    // Dikastes gets the path from Envoy, whose HTTP codec refuses a request-target that is
                    // neither origin-form nor absolute-form with 400: such a request never reaches it.
                    continue;
                }
                AlpRequest request = new AlpRequest(raw.method(), PathNormalizer.normalize(raw.target()).path(),
                        raw.serviceAccount(), raw.namespace());
                Action expected = compiled.decide(selection, request).action();
                CalicoEvaluator.Verdict actual = calico.decide(workload, raw.method(), raw.target(),
                        raw.serviceAccount(), raw.namespace());
                assertEquals(expected.name(), actual.name(), () -> "Calico and Palisade disagree\n--- policy\n" + source
                        + "--- workload\n" + workload + "\n--- request\n" + raw + "\n--- Palisade's normalized path\n"
                        + request.path() + "\n--- Dikastes' normalized path\n" + DikastesPaths.normalize(raw.target())
                        + "\n--- emitted\n" + build.yaml());
            }
        }
    }

    @Provide
    Arbitrary<BundleSpec> bundles() {
        return BundleArbitraries.bundles();
    }

    @Provide
    Arbitrary<List<Workload>> workloads() {
        return BundleArbitraries.workloadSets();
    }

    @Provide
    Arbitrary<List<RawRequest>> requests() {
        return BundleArbitraries.requestBatches();
    }
}
