package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bootstraps for all example policies together, byte for byte as reviewed: a change to the
 * emitted config shows up here as a diff to read. Each actual file is written under
 * {@code backends/target/envoy-golden/}; after reviewing a wanted change, copy it over the golden
 * file in {@code src/test/resources/dev/palisade/backends/envoy/golden/}.
 */
class EnvoyGoldenTest {
    private static final Path ACTUAL = Path.of("backends", "target", "envoy-golden");

    @Test
    void theExamplesBootstrapsAreTheReviewedOnes() throws IOException {
        List<List<Path>> bundles = ExampleBundles.bundles();
        ExampleBundles.Example example = ExampleBundles.compile(bundles.get(bundles.size() - 1));
        BackendOutput output = new EnvoyBackend().emit(example.input(), BuildOptions.defaults(), new Diagnostics());

        assertFalse(output.files().isEmpty());
        for (BackendOutput.OutputFile file : output.files()) {
            Path actual = ACTUAL.resolve(file.path());
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, file.text());
        }
        for (BackendOutput.OutputFile file : output.files()) {
            assertEquals(golden(file.path()), file.text(),
                    () -> file.path() + " differs from its golden file; actual: " + ACTUAL.resolve(file.path()));
        }
    }

    private static String golden(String path) throws IOException {
        try (InputStream in = EnvoyGoldenTest.class.getResourceAsStream("golden/" + path)) {
            return in == null ? "(no golden file golden/" + path + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
