package dev.palisade.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import dev.palisade.cli.cluster.ClusterComparison.Entry;
import dev.palisade.cli.cluster.ClusterComparison.State;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison over Calico kinds, which the examples' default build does not emit yet: a
 * cluster-scoped Tier and GlobalNetworkPolicy beside a namespaced NetworkPolicy, created, found in
 * sync, and found extra when the build drops them.
 */
class ClusterComparisonTest {
    @Test
    void calicoKindsAreCreatedComparedAndFoundExtra(@TempDir Path directory) throws IOException {
        ObjectNode tier = calico("Tier", "platform", null);
        tier.putObject("spec").put("order", 100.0).put("defaultAction", "Pass");
        ObjectNode global = calico("GlobalNetworkPolicy", "platform.block-debug", null);
        global.putObject("spec").put("tier", "platform").put("order", 10.0).put("selector", "all()");
        ObjectNode local = calico("NetworkPolicy", "default.orders-api", "shop");
        local.putObject("spec").put("selector", "app == 'orders'").putArray("types").add("Ingress");
        try (MockCluster cluster = new MockCluster(directory)) {
            ClusterObjects objects = new ClusterObjects(cluster.client);

            List<Entry> first = ClusterComparison.compare(List.of(tier, global, local), objects);
            assertEquals(List.of(State.MISSING, State.MISSING, State.MISSING), first.stream().map(Entry::state).toList());
            first.forEach(entry -> objects.create(entry.key(), entry.desired()));

            List<Entry> again = ClusterComparison.compare(List.of(tier, global, local), objects);
            assertEquals(List.of(State.IN_SYNC, State.IN_SYNC, State.IN_SYNC), again.stream().map(Entry::state).toList());

            List<Entry> shrunk = ClusterComparison.compare(List.of(tier), objects);
            assertEquals(List.of("IN_SYNC Tier.projectcalico.org platform",
                    "EXTRA GlobalNetworkPolicy.projectcalico.org platform.block-debug",
                    "EXTRA NetworkPolicy.projectcalico.org shop/default.orders-api"),
                    shrunk.stream().map(entry -> entry.state() + " " + entry.key()).toList());
        }
    }

    private static ObjectNode calico(String kind, String name, String namespace) {
        ObjectNode object = Yaml.object().put("apiVersion", "projectcalico.org/v3").put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.putObject("labels").put(ManagedKinds.MANAGED_BY, ManagedKinds.PALISADE);
        return object;
    }
}
