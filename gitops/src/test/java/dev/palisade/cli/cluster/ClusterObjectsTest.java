package dev.palisade.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kinds a future backend emits that {@link ManagedKinds} does not list still work, through discovery. */
class ClusterObjectsTest {
    private static final ClusterKind WIDGET = new ClusterKind("example.org/v1", "Widget", "widgets", true);

    @Test
    void unlistedKindIsFoundThroughDiscovery(@TempDir Path directory) throws IOException {
        try (MockCluster cluster = new MockCluster(directory, WIDGET)) {
            ClusterObjects objects = new ClusterObjects(cluster.client);

            assertEquals(WIDGET, objects.kindOf("example.org/v1", "Widget"));
            assertEquals(ManagedKinds.find("projectcalico.org/v3", "Tier").orElseThrow(),
                    objects.kindOf("projectcalico.org/v3", "Tier"));
        }
    }

    @Test
    void unservedKindIsOneClearMessage(@TempDir Path directory) throws IOException {
        try (MockCluster cluster = new MockCluster(directory)) {
            ClusterObjects objects = new ClusterObjects(cluster.client);

            ClusterException error = assertThrows(ClusterException.class, () -> objects.kindOf("example.org/v1", "Gadget"));
            assertEquals("the cluster does not serve example.org/v1 Gadget; install its CRD, or leave the backend that emits"
                    + " it out with --backend", error.getMessage());
        }
    }
}
