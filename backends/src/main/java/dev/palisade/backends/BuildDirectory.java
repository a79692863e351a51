package dev.palisade.backends;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lays a build out on disk: {@code BACKEND/namespaces/NAMESPACE/KIND-NAME.yaml} for each namespaced
 * Kubernetes object, {@code BACKEND/cluster/KIND-NAME.yaml} for cluster-scoped ones, {@code BACKEND/PATH} for other files, a
 * {@code kustomization.yaml} per backend over its objects and one at the top over the backends, so
 * the directory deploys with {@code kubectl apply -k} or as an Argo CD kustomize app.
 *
 * <p>The directory belongs to the build: a marker file says so, and a rebuild replaces everything
 * in it, so a policy removed from Git disappears from the output too. A non-empty directory
 * without the marker is refused rather than overwritten.
 */
public final class BuildDirectory {
    public static final String MARKER = ".palisade-build";
    private static final String MARKER_TEXT = "Written by `palisade build`: every build replaces this directory's contents.\n";

    /** One backend's output under its name. */
    public record Part(String backend, BackendOutput output) {}

    private BuildDirectory() {}

    /** Every file of the build, by relative path, in a stable order: what {@link #write} puts on disk. */
    public static Map<String, String> files(List<Part> parts) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> backendsWithObjects = new ArrayList<>();
        for (Part part : parts) {
            ObjectNode kustomization = kustomization();
            ArrayNode resources = kustomization.putArray("resources");
            for (ObjectNode object : part.output().objects()) {
                String path = objectPath(object);
                if (files.put(part.backend() + "/" + path, Yaml.write(object)) != null) {
                    throw new IllegalStateException("two objects of backend " + part.backend() + " at " + path);
                }
                resources.add(path);
            }
            for (BackendOutput.OutputFile file : part.output().files()) {
                files.put(part.backend() + "/" + file.path(), file.text());
            }
            if (!part.output().objects().isEmpty()) {
                files.put(part.backend() + "/kustomization.yaml", Yaml.write(kustomization));
                backendsWithObjects.add(part.backend());
            }
        }
        ObjectNode top = kustomization();
        ArrayNode resources = top.putArray("resources");
        backendsWithObjects.forEach(resources::add);
        files.put("kustomization.yaml", Yaml.write(top));
        return files;
    }

    /** The Kubernetes objects of every part, as one YAML stream ({@code palisade build --stdout}). */
    public static String stream(List<Part> parts) {
        return Yaml.stream(objects(parts));
    }

    /** The Kubernetes objects of every part, in stream order: what {@code apply} puts in a cluster. */
    public static List<ObjectNode> objects(List<Part> parts) {
        List<ObjectNode> objects = new ArrayList<>();
        parts.forEach(part -> objects.addAll(part.output().objects()));
        return objects;
    }

    /**
     * Replaces {@code directory}'s contents with the build.
     *
     * @throws IOException also when the directory has files but no marker (it is not ours to clear)
     */
    public static void write(Path directory, List<Part> parts) throws IOException {
        Map<String, String> files = files(parts);
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(directory + " has files that `palisade build` did not write;"
                            + " choose an empty or new directory");
                }
            }
        }
        if (Files.isDirectory(directory)) {
            clear(directory);
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Where an object's file goes (lower-case kind): stable and unique per object. */
    static String objectPath(ObjectNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        return (namespace.isEmpty() ? "cluster/" : "namespaces/" + namespace + "/")
                + object.path("kind").asText().toLowerCase(Locale.ROOT) + "-" + object.path("metadata").path("name").asText()
                + ".yaml";
    }

    private static ObjectNode kustomization() {
        return Yaml.object().put("apiVersion", "kustomize.config.k8s.io/v1beta1").put("kind", "Kustomization");
    }

    private static void clear(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }
}
