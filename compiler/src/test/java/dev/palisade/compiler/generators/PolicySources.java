package dev.palisade.compiler.generators;

import dev.palisade.compiler.PolicyCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiles policy source text the way {@code palisade} compiles a file: written to a temporary
 * {@code bundle.pal}, checked, the file removed again. For property tests over generated policies.
 */
public final class PolicySources {
    private PolicySources() {}

    public static PolicyCompiler.Result check(String source) {
        try {
            Path directory = Files.createTempDirectory("palisade-generated");
            Path file = directory.resolve("bundle.pal");
            Files.writeString(file, source);
            try {
                return PolicyCompiler.check(List.of(file));
            } finally {
                Files.delete(file);
                Files.delete(directory);
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
