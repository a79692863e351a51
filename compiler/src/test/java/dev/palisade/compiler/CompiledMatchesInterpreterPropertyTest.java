package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.generators.BundleArbitraries.RawRequest;
import dev.palisade.compiler.generators.BundleArbitraries;
import dev.palisade.compiler.generators.BundleSpec;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.interp.ReferenceInterpreter;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The differential property: for random bundles, workloads and requests, the bytecode the
 * compiler generates and the reference interpreter take the same decision, down to the deciding
 * policy and rule (Decision equality compares action, status, reason, policy, tier, rule and
 * location). On a mismatch the message holds the policy source and the raw request.
 */
class CompiledMatchesInterpreterPropertyTest {

    @Property(tries = 1000, maxDiscardRatio = 10)
    void compiledDecidesLikeTheInterpreter(
            @ForAll("bundles") BundleSpec spec,
            @ForAll("workloads") List<Workload> workloads,
            @ForAll("requests") List<RawRequest> requests) {
        Optional<IrBundle> ir = PolicySources.ir(spec.source());
        Statistics.label("bundle compiles").collect(ir.isPresent());
        Statistics.label("bundle compiles").coverage(checker -> checker.check(true).percentage(p -> p > 40));
        Assume.that(ir.isPresent());
        CompiledPolicy compiled = PolicyCompiler.load(ir.get(), Optional.empty()).policy();
        CompiledPolicy interpreted = new ReferenceInterpreter(ir.get());
        for (Workload workload : workloads) {
            Selection selection = interpreted.select(workload);
            assertEquals(selection, compiled.select(workload), () -> "selection differs\n" + spec.source() + workload);
            for (RawRequest raw : requests) {
                AlpRequest request = new AlpRequest(raw.method(), PathNormalizer.normalize(raw.target()).path(),
                        raw.serviceAccount(), raw.namespace());
                Decision expected = interpreted.decide(selection, request);
                Decision actual = compiled.decide(selection, request);
                assertEquals(expected, actual, () -> "compiled and interpreted disagree\n--- policy\n" + spec.source()
                        + "--- workload\n" + workload + "\n--- request\n" + raw + "\n--- normalized path\n" + request.path()
                        + "\n--- interpreted\n" + expected.summary() + "\n--- compiled\n" + actual.summary());
            }
        }
    }

    /**
     * Cases written out: the corners the generators reach rarely, kept as examples so a change
     * of generators cannot lose them.
     */
    @Example
    void unnormalizablePathsMatchOnlyRulesWithoutPathConditions() {
        String source = """
                policy p0 {
                    selector 'all()'
                    alp {
                        deny GET path prefix "/"
                        allow GET
                        allow POST path prefix "/"
                    }
                }
                """;
        agree(source, new Workload(java.util.Map.of(), "ns1"),
                new RawRequest("GET", "/%252e", null, null), new RawRequest("POST", "/a%2fb%zz", null, null),
                new RawRequest("GET", "*", null, null), new RawRequest("POST", "/", null, null));
    }

    @Example
    void sourceRulesAndMethodClassesMeet() {
        String source = """
                tier platform order 10 default pass
                policy p0 {
                    tier platform
                    selector 'has(tier)'
                    alp { deny "PROPFIND" path exact "/a" from serviceaccount "sa1" }
                }
                policy p1 {
                    namespace "ns1"
                    selector 'app == "a"'
                    alp {
                        allow * path prefix "/a" from serviceaccount "sa1", "sa2"
                        deny HEAD path exact "/a/b"
                        allow HEAD, GET path prefix "/a/b"
                    }
                }
                """;
        for (String method : java.util.List.of("PROPFIND", "HEAD", "GET", "get")) {
            for (String target : java.util.List.of("/a", "/a/b", "/a/b/c", "/ab", "//a//b/")) {
                agree(source, new Workload(java.util.Map.of("app", "a", "tier", "web"), "ns1"),
                        new RawRequest(method, target, "sa1", "ns1"), new RawRequest(method, target, null, null),
                        new RawRequest(method, target, "sa2", "ns2"));
            }
        }
    }

    private static void agree(String source, Workload workload, RawRequest... requests) {
        IrBundle ir = PolicySources.ir(source).orElseThrow(() -> new AssertionError("does not compile:\n" + source));
        CompiledPolicy compiled = PolicyCompiler.load(ir, Optional.empty()).policy();
        CompiledPolicy interpreted = new ReferenceInterpreter(ir);
        Selection selection = interpreted.select(workload);
        assertEquals(selection, compiled.select(workload));
        for (RawRequest raw : requests) {
            AlpRequest request = new AlpRequest(raw.method(), PathNormalizer.normalize(raw.target()).path(),
                    raw.serviceAccount(), raw.namespace());
            assertEquals(interpreted.decide(selection, request), compiled.decide(selection, request), raw::toString);
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
