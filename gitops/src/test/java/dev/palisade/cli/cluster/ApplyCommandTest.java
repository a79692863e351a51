package dev.palisade.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade apply} against fabric8's mock API server in CRUD mode. */
class ApplyCommandTest {
    @TempDir
    Path directory;

    MockCluster cluster;

    @BeforeEach
    void start() throws IOException {
        cluster = new MockCluster(directory);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void createsEveryObjectTheBuildPrintsWithTheManagedByLabel() {
        Map<String, JsonNode> built = MockCluster.built(MockCluster.EXAMPLES);

        MockCluster.Run run = cluster.palisade("apply", MockCluster.EXAMPLES);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(prefixed("created   ", built.keySet()), new TreeSet<>(run.lines().subList(0, built.size())));
        assertEquals(built.size() + " created, 0 updated, 0 unchanged, 0 pruned", run.lines().get(built.size()));
        Map<String, ObjectNode> live = cluster.objects();
        assertEquals(built.keySet(), live.keySet());
        built.forEach((key, object) -> {
            JsonNode metadata = live.get(key).path("metadata");
            assertEquals("palisade", metadata.path("labels").path(ManagedKinds.MANAGED_BY).asText(), key);
            object.properties().forEach(field -> {
                if (!field.getKey().equals("metadata")) {
                    assertEquals(field.getValue(), live.get(key).get(field.getKey()), key + " " + field.getKey());
                }
            });
        });
    }

    @Test
    void secondApplyChangesNothing() {
        assertEquals(0, cluster.palisade("apply", MockCluster.EXAMPLES).exitCode());
        Map<String, ObjectNode> before = cluster.objects();

        MockCluster.Run again = cluster.palisade("apply", MockCluster.EXAMPLES);

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(prefixed("unchanged ", before.keySet()), new TreeSet<>(again.lines().subList(0, before.size())));
        assertEquals("0 created, 0 updated, " + before.size() + " unchanged, 0 pruned", again.lines().get(before.size()));
        // Same resourceVersions: not even a no-op write reached the server.
        assertEquals(before, cluster.objects());
    }

    @Test
    void changedPoliciesCreateUpdateAndPruneExactlyWhatChanged() throws IOException {
        Path policies = MockCluster.copyOfExamples(directory);
        assertEquals(0, cluster.palisade("apply", policies).exitCode());
        Files.delete(policies.resolve("bookinfo.pal"));
        Files.writeString(policies.resolve("billing.pal"), """
                policy invoices {
                    namespace "billing"
                    selector 'app == "invoices"'
                    alp {
                        allow GET path prefix "/invoices"
                    }
                }
                """);

        MockCluster.Run run = cluster.palisade("apply", policies);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Set.of("ConfigMap billing/palisade-policies", "Deployment billing/palisade-invoices",
                "Service billing/palisade-invoices", "PodDisruptionBudget billing/palisade-invoices",
                "NetworkPolicy.projectcalico.org billing/invoices"), objectsWith(run, "created"));
        // The ConfigMaps carry every policy file, and each Deployment mounts every file: those change.
        assertEquals(Set.of("ConfigMap default/palisade-policies", "ConfigMap shop/palisade-policies",
                "Deployment default/palisade-www", "Deployment shop/palisade-orders-api"), objectsWith(run, "updated"));
        // The other policies' Calico objects and runtime Services and budgets are as they were.
        assertEquals(Set.of("Service default/palisade-www", "Service shop/palisade-orders-api",
                "PodDisruptionBudget default/palisade-www", "PodDisruptionBudget shop/palisade-orders-api",
                "Tier.projectcalico.org platform", "GlobalNetworkPolicy.projectcalico.org platform.block-debug-endpoints",
                "NetworkPolicy.projectcalico.org shop/orders-api", "GlobalNetworkPolicy.projectcalico.org www",
                "Tier.projectcalico.org palisade-end-of-tiers",
                "GlobalNetworkPolicy.projectcalico.org palisade-end-of-tiers.block-debug-endpoints",
                "ApplicationLayer.operator.tigera.io tigera-secure", "GlobalWAFPlugin.applicationlayer.projectcalico.org www",
                "GlobalWAFPolicy.applicationlayer.projectcalico.org default"),
                objectsWith(run, "unchanged"));
        assertEquals(Set.of("ConfigMap bookinfo/palisade-policies", "Deployment bookinfo/palisade-productpage",
                "Service bookinfo/palisade-productpage", "PodDisruptionBudget bookinfo/palisade-productpage",
                "NetworkPolicy.projectcalico.org bookinfo/productpage"),
                objectsWith(run, "pruned"));
        assertEquals("5 created, 4 updated, 13 unchanged, 5 pruned", run.lines().get(run.lines().size() - 1));
        assertEquals(readmeBlockAfter("`ApplyCommandTest` checks that this is what `apply` prints"), run.out(),
                "the README quotes this run's output");
        Map<String, JsonNode> built = MockCluster.built(policies);
        Map<String, ObjectNode> live = cluster.objects();
        assertEquals(built.keySet(), live.keySet());
        assertEquals(built.get("ConfigMap shop/palisade-policies").get("data"), live.get("ConfigMap shop/palisade-policies").get("data"));
    }

    @Test
    void neverPrunesObjectsPalisadeDoesNotManage() throws IOException {
        Path policies = MockCluster.copyOfExamples(directory);
        assertEquals(0, cluster.palisade("apply", policies).exitCode());
        cluster.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
                .endMetadata().addToData("color", "blue").build()).create();
        cluster.client.apps().deployments().inNamespace("bookinfo").resource(new DeploymentBuilder().withNewMetadata()
                .withName("reviews").addToLabels(ManagedKinds.MANAGED_BY, "helm").endMetadata().withNewSpec().withReplicas(1)
                .endSpec().build()).create();
        Files.delete(policies.resolve("bookinfo.pal"));

        MockCluster.Run run = cluster.palisade("apply", policies);

        assertEquals(0, run.exitCode(), run.err());
        Set<String> live = cluster.objects().keySet();
        assertTrue(live.contains("ConfigMap shop/settings"), live::toString);
        assertTrue(live.contains("Deployment bookinfo/reviews"), live::toString);
        assertTrue(!live.contains("Deployment bookinfo/palisade-productpage"), live::toString);
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws IOException {
        MockCluster.Run empty = cluster.palisade("apply", "--dry-run", MockCluster.EXAMPLES);
        assertEquals(0, empty.exitCode(), empty.err());
        assertTrue(empty.lines().stream().allMatch(line -> line.endsWith(" (dry run)")), empty.out());
        assertEquals(Map.of(), cluster.objects());

        Path policies = MockCluster.copyOfExamples(directory);
        assertEquals(0, cluster.palisade("apply", policies).exitCode());
        Map<String, ObjectNode> before = cluster.objects();
        Files.delete(policies.resolve("bookinfo.pal"));
        Files.writeString(policies.resolve("www.pal"), Files.readString(policies.resolve("www.pal")).replace("/robots.txt", "/humans.txt"));

        MockCluster.Run run = cluster.palisade("apply", "--dry-run", policies);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lines().contains("pruned    Deployment bookinfo/palisade-productpage (dry run)"), run.out());
        assertTrue(run.lines().contains("updated   ConfigMap default/palisade-policies (dry run)"), run.out());
        assertEquals(before, cluster.objects());
        // The plan is what the real apply then does, line for line.
        MockCluster.Run real = cluster.palisade("apply", policies);
        assertEquals(run.lines().stream().map(line -> line.replace(" (dry run)", "")).toList(), real.lines());
        assertEquals("0 created, 5 updated, 12 unchanged, 5 pruned", real.lines().get(real.lines().size() - 1));
    }

    private static Set<String> prefixed(String prefix, Set<String> keys) {
        Set<String> lines = new TreeSet<>();
        keys.forEach(key -> lines.add(prefix + key));
        return lines;
    }

    /** The objects of the lines starting with {@code verb}. */
    private static Set<String> objectsWith(MockCluster.Run run, String verb) {
        Set<String> objects = new TreeSet<>();
        for (String line : run.lines()) {
            List<String> words = List.of(line.split(" +", 2));
            if (words.get(0).equals(verb)) {
                objects.add(words.get(1));
            }
        }
        return objects;
    }

    /** The first fenced block after {@code anchor} in the repository's README. */
    private static String readmeBlockAfter(String anchor) throws IOException {
        String readme = Files.readString(MockCluster.ROOT.resolve("README.md"));
        int at = readme.indexOf(anchor);
        assertTrue(at >= 0, "README no longer says: " + anchor);
        int start = readme.indexOf('\n', readme.indexOf("```", at)) + 1;
        return readme.substring(start, readme.indexOf("```", start));
    }
}
