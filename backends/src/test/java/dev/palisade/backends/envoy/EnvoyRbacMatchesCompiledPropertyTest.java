package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.backends.BuildInput;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.generators.BundleArbitraries.RawRequest;
import dev.palisade.compiler.generators.BundleArbitraries;
import dev.palisade.compiler.generators.BundleSpec;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The Envoy backend's differential property: for random bundles, workloads and requests, Envoy's
 * RBAC filter as emitted (parsed back into Envoy's protobuf, within Envoy's validation rules, run
 * by {@link RbacEvaluator} on the path {@link EnvoyPathNormalization} leaves) allows exactly what
 * the compiled bytecode matcher allows. Requests whose paths the two normalizations read
 * differently are left out, each with its reason ({@link KnownPathDifferences}); the statistics
 * show how many.
 */
class EnvoyRbacMatchesCompiledPropertyTest {

    @Property(tries = 400, maxDiscardRatio = 10)
    void rbacAllowsWhatTheCompiledMatcherAllows(
            @ForAll("bundles") BundleSpec spec,
            @ForAll("workloads") List<Workload> workloads,
            @ForAll("requests") List<RawRequest> requests) throws Exception {
        Optional<IrBundle> ir = PolicySources.ir(spec.source());
        Assume.that(ir.isPresent());
        CompiledPolicy compiled = PolicyCompiler.load(ir.get(), Optional.empty()).policy();
        for (Workload workload : workloads) {
            agree(spec.source(), ir.get(), compiled, workload, requests);
        }
    }

    /** Bypass attempts as in the www example, trailing slashes and matrix parameters, with tiers and sources. */
    @Example
    void normalizedSpellingsAndSourcesMeet() throws Exception {
        String source = """
                tier platform order 10 default pass
                policy guard {
                    tier platform
                    selector 'all()'
                    alp { deny path prefix "/.git", exact "/a/b" }
                }
                policy app {
                    namespace "ns1"
                    selector 'app == "a"'
                    alp {
                        allow GET path exact "/a", prefix "/pub"
                        allow POST path prefix "/a" from serviceaccount "sa1"
                        allow DELETE from namespace "ns2"
                    }
                }
                """;
        IrBundle ir = PolicySources.ir(source).orElseThrow(() -> new AssertionError("does not compile:\n" + source));
        CompiledPolicy compiled = PolicyCompiler.load(ir, Optional.empty()).policy();
        List<RawRequest> requests = new java.util.ArrayList<>();
        for (String method : List.of("GET", "POST", "DELETE", "get")) {
            for (String target : List.of("/a", "/a/", "/a/b", "/a/b/", "//a//b", "/a/./b", "/x/../a", "/%61", "/a%2fb",
                    "/a%5Cb", "/a\\b", "/pub", "/public", "/pub/x", "/.git/HEAD", "/%2e%2egit/config", "/%2e%2e/a",
                    "/a?x=/.git", "/a#frag", "/a;jsessionid=1", "/a;x/", "/a;x;y", "/a;x/b", "/pub;x", "/pub;x/y",
                    "/a/b;x", "/.git;x/HEAD")) {
                requests.add(new RawRequest(method, target, "sa1", "ns1"));
                requests.add(new RawRequest(method, target, "sa2", "ns2"));
                requests.add(new RawRequest(method, target, null, null));
            }
        }
        agree(source, ir, compiled, new Workload(Map.of("app", "a"), "ns1"), requests);
        agree(source, ir, compiled, new Workload(Map.of("app", "b"), "ns1"), requests);
    }

    private static void agree(String source, IrBundle ir, CompiledPolicy compiled, Workload workload, List<RawRequest> requests)
            throws Exception {
        BuildInput input = new BuildInput(ir, Map.of(), Map.of(), List.of(), Map.of());
        String yaml = Yaml.write(new EnvoyBackend().bootstrap(input, workload, new Diagnostics()));
        ParsedBootstrap parsed = ParsedBootstrap.parse(yaml);
        assertEquals(List.of(), parsed.violations(), () -> "Envoy would refuse this bootstrap\n" + source + yaml);
        Selection selection = compiled.select(workload);
        for (RawRequest raw : requests) {
            Optional<String> difference = KnownPathDifferences.of(raw.target());
            Statistics.label("left out").collect(difference.orElse("compared"));
            if (difference.isPresent()) {
                continue;
            }
            // The caller's identity is its SPIFFE id: both names or neither.
            boolean identified = raw.serviceAccount() != null && raw.namespace() != null;
            String serviceAccount = identified ? raw.serviceAccount() : null;
            String namespace = identified ? raw.namespace() : null;
            String principal = identified
                    ? "spiffe://" + RbacMatchers.TRUST_DOMAIN + "/ns/" + namespace + "/sa/" + serviceAccount : null;
            Decision expected = compiled.decide(selection,
                    new AlpRequest(raw.method(), PathNormalizer.normalize(raw.target()).path(), serviceAccount, namespace));
            Statistics.label("decision").collect(expected.allowed() ? "allow" : "deny");
            String envoyPath = EnvoyPathNormalization.normalize(raw.target(), parsed.connectionManager());
            boolean allowed = envoyPath != null
                    && RbacEvaluator.allows(parsed.rbac(), new RbacEvaluator.Request(raw.method(), envoyPath, principal));
            assertEquals(expected.allowed(), allowed, () -> "RBAC and the compiled matcher disagree\n--- policy\n" + source
                    + "--- workload\n" + workload + "\n--- request\n" + raw + "\n--- Palisade's path\n"
                    + PathNormalizer.normalize(raw.target()).path() + "\n--- Envoy's path\n" + envoyPath
                    + "\n--- compiled\n" + expected.summary() + "\n--- bootstrap\n" + yaml);
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
