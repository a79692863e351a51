package dev.palisade.compiler.generators;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.IrBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compiles policy source text the way {@code palisade} compiles a file: written to a temporary
 * {@code bundle.pal}, checked, the file removed again. For property tests over generated policies.
 */
public final class PolicySources {
    private PolicySources() {}

    /** The bundle's IR, or empty when the source has errors. */
    public static Optional<IrBundle> ir(String source) {
        return check(source).ir();
    }

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
