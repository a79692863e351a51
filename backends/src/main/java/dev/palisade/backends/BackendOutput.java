package dev.palisade.backends;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a backend emits: Kubernetes objects (applied to a cluster, printed by {@code --stdout}) and
 * other files (Envoy bootstraps, SecLang), each with its path relative to the backend's directory.
 */
public record BackendOutput(List<ObjectNode> objects, List<OutputFile> files) {
    public BackendOutput {
        objects = List.copyOf(objects);
        files = List.copyOf(files);
    }

    public record OutputFile(String path, String text) {}

    public static BackendOutput objects(List<ObjectNode> objects) {
        return new BackendOutput(objects, List.of());
    }
}
