package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.BackendOutput.OutputFile;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each workload's Service is opted in to Calico's L7 proxy by a patch that adds only the annotation. */
class ApplicationLayerServicePatchesTest {
    @TempDir
    Path directory;

    private BuildInput compile(String source) throws IOException {
        Path file = directory.resolve("bundle.pal");
        Files.writeString(file, source);
        return BuildInputs.from(PolicyCompiler.check(List.of(file)), new Diagnostics());
    }

    @Test
    void aNamespacedPolicysServiceIsPatchedInItsNamespace() throws IOException {
        List<OutputFile> files = ApplicationLayerServicePatches.emit(compile("""
                policy orders-api {
                    namespace "shop"
                    selector 'app == "orders"'
                    alp { allow GET }
                }
                """));
        assertEquals(1, files.size());
        assertEquals("service-patches/shop/orders-api.yaml", files.get(0).path());
        assertEquals("""
                # Sends the Service's traffic through Calico's L7 proxy (ALP, WAF, L7 logs) for policy orders-api.
                # Apply: kubectl patch service orders-api -n shop --patch-file service-patches/shop/orders-api.yaml
                # (rename the Service here if yours is named differently)
                apiVersion: v1
                kind: Service
                metadata:
                  name: orders-api
                  namespace: shop
                  annotations:
                    projectcalico.org/l7-logging: "true"
                """, files.get(0).text());
    }

    @Test
    void theAnnotationValueIsTheStringTrue() throws IOException {
        List<OutputFile> files = ApplicationLayerServicePatches.emit(compile("""
                policy www {
                    selector 'app == "www"'
                    log { interval 5s }
                }
                """));
        JsonNode patch = Yaml.readStream(files.get(0).text()).get(0);
        assertEquals("default", patch.path("metadata").path("namespace").asText());
        JsonNode value = patch.path("metadata").path("annotations").path(ApplicationLayerServicePatches.ANNOTATION);
        assertEquals(true, value.isTextual());
        assertEquals("true", value.asText());
    }

    @Test
    void workloadsWithoutL7NeedsAndSelectAllPoliciesGetNoPatch() throws IOException {
        assertEquals(List.of(), ApplicationLayerServicePatches.emit(compile("""
                policy quiet {
                    selector 'app == "quiet"'
                }
                policy everything {
                    selector 'all()'
                    alp { deny path prefix "/debug" }
                }
                """)));
    }
}
