package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BackendOutput.OutputFile;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped examples, built for Calico's application layer, are objects the cluster accepts. */
class ApplicationLayerExamplesTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private BuildInput examples() throws IOException {
        PolicyCompiler.Result result = PolicyCompiler.check(
                PolicyCompiler.policyFiles(List.of(Path.of("policies-examples"))));
        assertFalse(result.diagnostics().hasErrors(), () -> result.diagnostics().sorted().toString());
        return BuildInputs.from(result, diagnostics);
    }

    @Test
    void everyEmittedObjectIsValidForItsCrd() throws IOException {
        BuildInput input = examples();
        List<ObjectNode> objects = new ArrayList<>();
        objects.addAll(ApplicationLayerResource.emit(input, BuildOptions.defaults(), diagnostics));
        objects.addAll(WafPolicyResources.emit(input, BuildOptions.defaults(), diagnostics));
        assertEquals(List.of("ApplicationLayer", "GlobalWAFPlugin", "GlobalWAFPolicy"),
                objects.stream().map(o -> o.get("kind").asText()).toList());
        CalicoSchemas schemas = CalicoSchemas.load();
        for (ObjectNode object : objects) {
            assertEquals(List.of(), schemas.problems(object), () -> Yaml.write(object));
        }
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
    }

    @Test
    void everyWorkloadWithL7NeedsGetsAServicePatch() throws IOException {
        List<OutputFile> files = ApplicationLayerServicePatches.emit(examples());
        // block-debug-endpoints selects all(): no workload of its own, so no Service to patch
        assertEquals(List.of("service-patches/bookinfo/productpage.yaml", "service-patches/default/www.yaml",
                "service-patches/shop/orders-api.yaml"), files.stream().map(OutputFile::path).sorted().toList());
        for (OutputFile file : files) {
            JsonNode patch = Yaml.readStream(file.text()).get(0);
            assertEquals("Service", patch.path("kind").asText());
            assertEquals("true", patch.path("metadata").path("annotations")
                    .path(ApplicationLayerServicePatches.ANNOTATION).asText());
        }
    }
}
