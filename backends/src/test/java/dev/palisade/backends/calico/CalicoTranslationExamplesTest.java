package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.generators.BundleArbitraries.RawRequest;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;

/**
 * The translations the random bundles reach rarely, written out: each checks the emitted shape
 * and then that Calico decides like the compiled matcher on a grid of requests.
 */
class CalicoTranslationExamplesTest {
    private static final List<Workload> WORKLOADS = List.of(new Workload(Map.of("app", "a"), "ns1"),
            new Workload(Map.of("app", "b"), "ns1"), new Workload(Map.of(), "ns2"));

    @Example
    void denyOfALaterPolicyWithTheSameSelectionIsSubtracted() {
        CalicoBuild build = agree("""
                policy a {
                    selector 'app == "a"'
                    order 1
                    alp { deny GET path prefix "/admin" }
                }
                policy b {
                    selector 'app == "a"'
                    order 2
                    alp { allow GET, POST path prefix "/admin", exact "/" }
                }
                """, "/admin", "/admin/x", "/", "/adminx");
        JsonNode rules = policy(build, "b").path("spec").path("ingress");
        assertEquals("[{\"action\":\"Allow\",\"protocol\":\"TCP\",\"http\":{\"methods\":[\"POST\"],\"paths\":[{\"prefix\":\"/admin\"},"
                + "{\"exact\":\"/\"}]}},{\"action\":\"Allow\",\"protocol\":\"TCP\",\"http\":{\"methods\":[\"GET\"],"
                + "\"paths\":[{\"exact\":\"/\"}]}}]", rules.toString());
    }

    @Example
    void passTierDenyIsSubtractedFromLaterTiersAndEndsInDeny() {
        CalicoBuild build = agree("""
                tier platform order 100 default pass
                policy guard {
                    tier platform
                    selector 'all()'
                    alp { deny path prefix "/debug" }
                }
                policy app {
                    namespace "ns1"
                    selector 'app == "a"'
                    alp { allow GET path prefix "/api", prefix "/debug/x" }
                }
                """, "/api/1", "/debug/x", "/debug", "/other");
        assertEquals("[{\"prefix\":\"/api\"}]", policy(build, "app").path("spec").path("ingress").get(0).path("http")
                .path("paths").toString());
    }

    @Example
    void containmentIsProvedFromTheSelectorsNotTheirText() {
        CalicoBuild build = agree("""
                policy guard {
                    selector 'app in {"a", "b"}'
                    order 1
                    alp { deny GET path prefix "/admin" }
                }
                policy app {
                    selector 'app == "a" && !has(canary)'
                    order 2
                    alp { allow GET path prefix "/admin", prefix "/api" }
                }
                """, "/admin", "/api/x");
        assertEquals("[{\"prefix\":\"/api\"}]", policy(build, "app").path("spec").path("ingress").get(0).path("http")
                .path("paths").toString());
    }

    @Example
    void stringOperatorsProveNothingSoTheOverlapIsReported() {
        CalicoBuild build = CalicoBuild.ofSource("""
                policy guard {
                    selector 'app starts with "a"'
                    order 1
                    alp { deny GET path prefix "/admin" }
                }
                policy app {
                    selector 'app == "ab"'
                    order 2
                    alp { allow GET path prefix "/admin", prefix "/api" }
                }
                """);
        assertEquals(List.of("P0603"), build.diagnostics().stream().map(d -> d.code().id()).toList());
    }

    @Example
    void sourceDenyLeavesTheOtherServiceAccounts() {
        CalicoBuild build = agree("""
                policy p {
                    selector 'all()'
                    alp {
                        allow path prefix "/a" from serviceaccount "sa1", "sa2"
                        deny path prefix "/a" from serviceaccount "sa1"
                        deny from namespace "ns2"
                    }
                }
                """, "/a", "/a/b", "/b");
        JsonNode rules = policy(build, "p").path("spec").path("ingress");
        assertEquals("{\"action\":\"Deny\",\"source\":{\"namespaceSelector\":\"projectcalico.org/name in {\\\"ns2\\\"}\"}}",
                rules.get(0).toString(), "denies without HTTP conditions are Calico Deny rules, first");
        assertEquals("{\"serviceAccounts\":{\"names\":[\"sa2\"]}}", rules.get(1).path("source").toString());
    }

    @Example
    void longListsAreSplitAtTwentyEntries() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            paths.add("exact \"/p" + i + "\"");
        }
        CalicoBuild build = agree("""
                policy p {
                    selector 'all()'
                    alp { allow GET path %s }
                }
                """.formatted(String.join(", ", paths)), "/p0", "/p19", "/p20", "/p24", "/p25");
        JsonNode rules = policy(build, "p").path("spec").path("ingress");
        assertEquals(2, rules.size());
        assertEquals(20, rules.get(0).path("http").path("paths").size());
        assertEquals(5, rules.get(1).path("http").path("paths").size());
    }

    @Example
    void percentAndNonAsciiArePercentEncodedOnce() {
        CalicoBuild build = agree("""
                policy p {
                    selector 'all()'
                    alp { allow GET path exact "/a%25b", prefix "/é" }
                }
                """, "/a%25b", "/a%b", "/%C3%A9", "/%C3%A9/x", "/\u00c3\u00a9");
        assertEquals("[{\"exact\":\"/a%25b\"},{\"prefix\":\"/%C3%A9\"}]",
                policy(build, "p").path("spec").path("ingress").get(0).path("http").path("paths").toString());
    }

    @Example
    void distinctOrdersSettleWhatANameTieWouldLeaveToFelix() {
        agree("""
                policy a {
                    namespace "ns1"
                    selector 'all()'
                    order 1
                    alp { deny from serviceaccount "sa1" }
                }
                policy b {
                    selector 'all()'
                    order 2
                    alp { allow GET }
                }
                """, "/", "/a");
    }

    @Example
    void crdGroupAndStagedKinds() {
        CalicoBuild build = CalicoBuild.of(List.of(java.nio.file.Path.of("policies-examples/platform.pal")),
                new BuildOptions(BuildOptions.CALICO_CRD_V1, true, "image", "default"));
        List<String> kinds = build.objects().stream()
                .map(object -> object.path("apiVersion").asText() + " " + object.path("kind").asText()).toList();
        assertEquals(List.of("crd.projectcalico.org/v1 Tier", "crd.projectcalico.org/v1 StagedGlobalNetworkPolicy",
                "crd.projectcalico.org/v1 StagedNetworkPolicy", "crd.projectcalico.org/v1 Tier",
                "crd.projectcalico.org/v1 StagedGlobalNetworkPolicy"), kinds);
        assertEquals("Set", build.objects().get(1).path("spec").path("stagedAction").asText());
        java.util.Set<String> crdKinds = CalicoSchemaFolder.kinds(CalicoSchemaFolder.crdV1());
        for (JsonNode object : build.objects()) {
            assertTrue(crdKinds.contains(object.path("kind").asText()), object.path("kind") + " not in " + crdKinds);
        }
    }

    private static CalicoBuild agree(String source, String... targets) {
        CalicoBuild build = CalicoBuild.ofSource(source);
        assertTrue(build.emitted(), () -> build.diagnostics().toString());
        List<RawRequest> requests = new ArrayList<>();
        for (String target : targets) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                requests.add(new RawRequest(method, target, null, null));
                requests.add(new RawRequest(method, target, "sa1", "ns1"));
                requests.add(new RawRequest(method, target, "sa2", "ns2"));
            }
        }
        CalicoMatchesCompiledPropertyTest.agree(source, build, WORKLOADS, requests);
        return build;
    }

    private static JsonNode policy(CalicoBuild build, String name) {
        return build.objects().stream().filter(object -> object.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not emitted\n" + build.yaml()));
    }
}
