package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.backends.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The shared Calico CRDs ({@code ../shared/schemas/calico}); tests that need them skip when they are absent. */
final class CalicoSchemaFolder {
    private CalicoSchemaFolder() {}

    static Path crdV1() {
        Path folder = Path.of("..", "shared", "schemas", "calico", "crd.projectcalico.org-v1").normalize();
        assumeTrue(Files.isDirectory(folder), () -> "missing folder " + folder.toAbsolutePath()
                + ": the shared Calico schemas are not laid out next to the repository");
        return folder;
    }

    /** The kinds the folder's CRDs define ({@code spec.names.kind}). */
    static Set<String> kinds(Path folder) {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                Yaml.readStream(Files.readString(file))
                        .forEach(crd -> kinds.add(crd.path("spec").path("names").path("kind").asText()));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return kinds;
    }
}
