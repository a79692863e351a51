package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example policies through the Calico backend: the objects' shapes, and every {@code test}
 * case of the example decided by {@link CalicoEvaluator} as the example expects.
 */
class CalicoExamplesTest {
    private static final Path EXAMPLES = Path.of("policies-examples");

    @Test
    void bookinfoIsOneNamespacedPolicyAllowingReadsOfItsPaths() {
        CalicoBuild build = build("bookinfo.pal");
        assertEquals(1, build.objects().size(), build.yaml());
        assertEquals("""
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata:
                  name: productpage
                  namespace: bookinfo
                spec:
                  tier: default
                  selector: "app in {\\"productpage\\"}"
                  types:
                    - Ingress
                  ingress:
                    - action: Allow
                      protocol: TCP
                      http:
                        methods:
                          - GET
                          - HEAD
                        paths:
                          - exact: /
                          - prefix: /productpage
                          - prefix: /static
                          - prefix: /api/v1/products
                """, build.yaml());
        runExampleTests(build);
    }

    @Test
    void wwwLosesItsGitDenyFromItsOwnAllows() {
        CalicoBuild build = build("www.pal");
        JsonNode policy = build.objects().get(0);
        assertEquals("GlobalNetworkPolicy", policy.path("kind").asText());
        assertEquals("www", policy.path("metadata").path("name").asText());
        assertFalse(policy.path("spec").has("order"), "no order in the policy: Calico puts it last, as Palisade does");
        JsonNode ingress = policy.path("spec").path("ingress");
        // `deny path prefix "/.git"` touches none of the exact paths allowed: nothing to subtract.
        assertEquals(2, ingress.size(), build.yaml());
        assertEquals("[\"GET\",\"HEAD\"]", ingress.get(0).path("http").path("methods").toString());
        assertEquals("[{\"exact\":\"/\"},{\"exact\":\"/robots.txt\"}]", ingress.get(0).path("http").path("paths").toString());
        assertEquals("[{\"exact\":\"/login.php\"}]", ingress.get(1).path("http").path("paths").toString());
        runExampleTests(build);
    }

    @Test
    void platformTierPassesAndDebugPathsAreTakenOutOfOrdersAllows() {
        CalicoBuild build = build("platform.pal");
        List<String> names = build.objects().stream()
                .map(object -> object.path("kind").asText() + " " + object.path("metadata").path("name").asText()).toList();
        assertEquals(List.of("Tier platform", "GlobalNetworkPolicy platform.block-debug-endpoints",
                "NetworkPolicy orders-api", "Tier palisade-end-of-tiers",
                "GlobalNetworkPolicy palisade-end-of-tiers.block-debug-endpoints"), names);
        JsonNode tier = build.objects().get(0).path("spec");
        assertEquals("{\"order\":100,\"defaultAction\":\"Pass\"}", tier.toString());
        JsonNode platform = build.objects().get(1).path("spec");
        assertEquals(10, platform.path("order").asInt());
        assertEquals("all()", platform.path("selector").asText());
        assertFalse(platform.has("ingress"), "its only rule is a deny with paths: it lives on as subtractions");
        JsonNode orders = build.objects().get(2).path("spec").path("ingress");
        // `deny DELETE` has a method condition, so it is no Calico rule: it is taken out of the allows after it,
        // and they allow no DELETE anyway.
        assertEquals(2, orders.size(), build.yaml());
        assertEquals("{\"action\":\"Allow\",\"protocol\":\"TCP\",\"http\":{\"methods\":[\"GET\",\"HEAD\"],"
                + "\"paths\":[{\"prefix\":\"/api/v1/orders\"}]}}", orders.get(0).toString());
        assertEquals("{\"namespaceSelector\":\"projectcalico.org/name in {\\\"shop\\\"}\",\"serviceAccounts\":{\"names\":[\"checkout\"]}}",
                orders.get(1).path("source").toString());
        JsonNode endTier = build.objects().get(3).path("spec");
        assertEquals("Deny", endTier.path("defaultAction").asText());
        assertTrue(endTier.path("order").asDouble() > 1_000_000, "after Calico's default tier");
        runExampleTests(build);
    }

    @Test
    void allThreeTogetherBuildAndDecideEveryExampleCase() {
        CalicoBuild build = CalicoBuild.of(List.of(EXAMPLES.resolve("bookinfo.pal"), EXAMPLES.resolve("platform.pal"),
                EXAMPLES.resolve("www.pal")), BuildOptions.defaults());
        assertTrue(build.emitted(), () -> build.diagnostics().toString());
        runExampleTests(build);
    }

    /** The platform tier's deny against a team's GET on any path: what bookinfo said before it listed its paths. */
    @Test
    void aPassTierDenyOfPathsAgainstAnAllowOnAnyPathIsReported(@org.junit.jupiter.api.io.TempDir Path directory)
            throws java.io.IOException {
        java.nio.file.Files.writeString(directory.resolve("bookinfo.pal"), """
                policy productpage {
                    namespace "bookinfo"
                    selector 'app in { "productpage" }'
                    alp {
                        allow GET
                    }
                }
                """);
        CalicoBuild build = CalicoBuild.of(List.of(directory.resolve("bookinfo.pal"), EXAMPLES.resolve("platform.pal")),
                BuildOptions.defaults());
        List<Diagnostic> errors = build.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty(), build.yaml());
        Diagnostic first = errors.get(0);
        assertEquals(DiagnosticCode.CALICO_DENY_NOT_EXPRESSIBLE, first.code());
        assertTrue(first.span().file().endsWith("platform.pal"), first.span().file());
        assertEquals(9, first.span().line());
        assertEquals(9, first.span().column());
        assertEquals("cannot express `deny path prefix \"/debug\", prefix \"/actuator\"` in Calico against `allow GET` at"
                + " bookinfo.pal:5: Calico HTTP matches can only allow, and 'any path except prefix \"/debug\","
                + " prefix \"/actuator\"' is not a list of exact/prefix paths", first.message());
    }

    @Test
    void sameInputSameBytes() {
        List<Path> all = List.of(EXAMPLES.resolve("platform.pal"), EXAMPLES.resolve("www.pal"));
        assertEquals(CalicoBuild.of(all, BuildOptions.defaults()).yaml(), CalicoBuild.of(all, BuildOptions.defaults()).yaml());
    }

    private static CalicoBuild build(String file) {
        CalicoBuild build = CalicoBuild.of(List.of(EXAMPLES.resolve(file)), BuildOptions.defaults());
        assertTrue(build.emitted(), () -> file + ": " + build.diagnostics());
        return build;
    }

    /** Each example's own test cases, decided by Calico as the example expects. */
    private static void runExampleTests(CalicoBuild build) {
        CalicoEvaluator calico = new CalicoEvaluator(build.objects());
        int cases = 0;
        for (TestDecl test : build.compilation().unit().tests()) {
            Workload workload = workload(test, build);
            for (TestDecl.TestCase testCase : test.cases()) {
                if (!testCase.expected().ruleIds().isEmpty()) {
                    continue; // the WAF decides it (Calico's WAF resources are not evaluated here)
                }
                String serviceAccount = testCase.sourceServiceAccount().map(StringLiteral::value).orElse(null);
                // As `palisade test`: a caller named only by service account lives in the workload's namespace.
                String namespace = testCase.sourceNamespace().map(StringLiteral::value)
                        .orElse(serviceAccount == null ? null : workload.namespace());
                CalicoEvaluator.Verdict verdict = calico.decide(workload, testCase.method().name(),
                        PathNormalizer.toByteString(testCase.target().value()), serviceAccount, namespace);
                assertEquals(testCase.expected().allow() ? CalicoEvaluator.Verdict.ALLOW : CalicoEvaluator.Verdict.DENY,
                        verdict, () -> testCase.text() + " at " + testCase.span().location() + "\n" + build.yaml());
                cases++;
            }
        }
        assertTrue(cases > 0, "the example has test cases");
    }

    private static Workload workload(TestDecl test, CalicoBuild build) {
        var policy = build.compilation().ir().orElseThrow().policies().stream()
                .filter(candidate -> candidate.name().equals(test.name().text())).findFirst().orElseThrow();
        Map<String, String> labels = test.labels().orElseGet(() -> SelectorWitness.find(policy.selector()).orElseThrow());
        return new Workload(labels, test.namespace().map(StringLiteral::value).orElse(policy.namespace().orElse("default")));
    }
}
