package dev.palisade.backends.envoy;

import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;

/**
 * The example policies ({@code policies-examples/}, read from the repository root where the
 * backend tests run): each file alone, and all of them as one bundle.
 */
final class ExampleBundles {
    static final List<String> FILES = List.of("bookinfo.pal", "platform.pal", "www.pal");

    /** A compiled example bundle, its build input, and what building it reported. */
    record Example(String name, PolicyCompiler.Result result, BuildInput input, Diagnostics diagnostics) {}

    private ExampleBundles() {}

    /** One bundle per file, then one of every file. */
    static List<List<Path>> bundles() {
        List<List<Path>> bundles = new java.util.ArrayList<>();
        FILES.forEach(file -> bundles.add(List.of(path(file))));
        bundles.add(FILES.stream().map(ExampleBundles::path).toList());
        return bundles;
    }

    static Example compile(List<Path> files) {
        PolicyCompiler.Result result = PolicyCompiler.check(files);
        if (result.ir().isEmpty()) {
            throw new AssertionError("example does not compile: " + files + "\n" + result.diagnostics().sorted());
        }
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = BuildInputs.from(result, diagnostics);
        return new Example(files.toString(), result, input, diagnostics);
    }

    private static Path path(String file) {
        return Path.of("policies-examples", file);
    }
}
