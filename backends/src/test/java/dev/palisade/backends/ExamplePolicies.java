package dev.palisade.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The bundled example policies, compiled as {@code palisade build} compiles them. */
public final class ExamplePolicies {
    public static final Path DIRECTORY = Path.of("policies-examples");

    private ExamplePolicies() {}

    /** The build input of the given files or directories; fails the test on any error. */
    public static BuildInput input(Path... paths) {
        try {
            PolicyCompiler.Result result = PolicyCompiler.check(PolicyCompiler.policyFiles(List.of(paths)));
            assertEquals(List.of(), result.diagnostics().sorted(), "the examples compile cleanly");
            Diagnostics diagnostics = new Diagnostics();
            BuildInput input = BuildInputs.from(result, diagnostics);
            assertEquals(List.of(), diagnostics.sorted(), "the examples' WAFs lower cleanly");
            return input;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BuildInput all() {
        return input(DIRECTORY);
    }
}
