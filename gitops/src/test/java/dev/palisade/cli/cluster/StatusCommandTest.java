package dev.palisade.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade status} against fabric8's mock API server in CRUD mode. */
class StatusCommandTest {
    static final int OUT_OF_SYNC = 4;

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
    void emptyClusterMissesEverything() {
        MockCluster.Run run = cluster.palisade("status", MockCluster.EXAMPLES);

        int objects = MockCluster.built(MockCluster.EXAMPLES).size();
        assertEquals(OUT_OF_SYNC, run.exitCode(), run.err());
        assertTrue(run.lines().subList(0, objects).stream().allMatch(line -> line.startsWith("missing   ")), run.out());
        assertEquals("0 in sync, 0 differ, " + objects + " missing, 0 extra", run.lines().get(objects));
    }

    @Test
    void inSyncAfterApply() {
        assertEquals(0, cluster.palisade("apply", MockCluster.EXAMPLES).exitCode());

        MockCluster.Run run = cluster.palisade("status", MockCluster.EXAMPLES);

        int objects = MockCluster.built(MockCluster.EXAMPLES).size();
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.lines().subList(0, objects).stream().allMatch(line -> line.startsWith("in sync   ")), run.out());
        assertEquals(objects + " in sync, 0 differ, 0 missing, 0 extra", run.lines().get(objects));
    }

    @Test
    void reportsHandMadeChangesAndChangesNothing() {
        assertEquals(0, cluster.palisade("apply", MockCluster.EXAMPLES).exitCode());
        var deployments = cluster.client.apps().deployments().inNamespace("shop");
        deployments.withName("palisade-orders-api").edit(deployment -> {
            deployment.getSpec().setReplicas(5);
            deployment.getMetadata().getLabels().put("team", "orders");
            return deployment;
        });
        cluster.client.configMaps().inNamespace("default").withName("palisade-policies").edit(map -> {
            map.getMetadata().getLabels().remove(ManagedKinds.MANAGED_BY);
            return map;
        });
        cluster.client.services().inNamespace("bookinfo").withName("palisade-productpage").delete();
        cluster.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("palisade-old")
                .addToLabels(ManagedKinds.MANAGED_BY, ManagedKinds.PALISADE).endMetadata().build()).create();
        // Other tools' labels and the server's defaults are not drift.
        cluster.client.services().inNamespace("shop").withName("palisade-orders-api").edit(service -> {
            service.getMetadata().getLabels().put("team", "orders");
            service.getSpec().setSessionAffinity("None");
            return service;
        });
        var before = cluster.objects();

        MockCluster.Run run = cluster.palisade("status", MockCluster.EXAMPLES);

        assertEquals(OUT_OF_SYNC, run.exitCode(), run.err());
        List<String> lines = run.lines();
        assertTrue(lines.contains("differs   Deployment shop/palisade-orders-api: spec"), run.out());
        assertTrue(lines.contains("differs   ConfigMap default/palisade-policies: metadata.labels"), run.out());
        assertTrue(lines.contains("missing   Service bookinfo/palisade-productpage"), run.out());
        assertTrue(lines.contains("in sync   Service shop/palisade-orders-api"), run.out());
        assertTrue(lines.contains("extra     ConfigMap shop/palisade-old (managed by palisade, no longer emitted)"), run.out());
        int inSync = MockCluster.built(MockCluster.EXAMPLES).size() - 3;
        assertEquals(inSync + " in sync, 2 differ, 1 missing, 1 extra", lines.get(lines.size() - 1));
        assertEquals(before, cluster.objects());

        assertEquals(0, cluster.palisade("apply", MockCluster.EXAMPLES).exitCode());
        assertEquals(0, cluster.palisade("status", MockCluster.EXAMPLES).exitCode());
    }
}
