package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A test's view of one build: the compilation, the backend's diagnostics and its objects after a YAML round trip. */
record CalicoBuild(PolicyCompiler.Result compilation, List<Diagnostic> diagnostics, String yaml, List<JsonNode> objects) {

    boolean emitted() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    static CalicoBuild of(List<Path> files, BuildOptions options) {
        PolicyCompiler.Result result = PolicyCompiler.check(files);
        if (result.ir().isEmpty()) {
            return new CalicoBuild(result, List.of(), "", List.of());
        }
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = BuildInputs.from(result, diagnostics);
        String yaml = Yaml.stream(CalicoPolicies.objects(input, options, diagnostics));
        return new CalicoBuild(result, diagnostics.sorted(), yaml, Yaml.readStream(yaml));
    }

    /** Compiles source text written to a temporary {@code bundle.pal}. */
    static CalicoBuild ofSource(String source) {
        try {
            Path directory = Files.createTempDirectory("palisade-calico");
            Path file = directory.resolve("bundle.pal");
            Files.writeString(file, source);
            try {
                return of(List.of(file), BuildOptions.defaults());
            } finally {
                Files.delete(file);
                Files.delete(directory);
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
