package dev.palisade.engine.request;

import java.util.Map;
import java.util.TreeMap;

/**
 * The workload a listener protects: its labels and namespace. Policies select workloads by
 * Calico selector over these labels and by namespace.
 */
public record Workload(Map<String, String> labels, String namespace) {

    public Workload {
        labels = Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return "labels " + new TreeMap<>(labels) + (namespace == null ? "" : " namespace " + namespace);
    }
}
