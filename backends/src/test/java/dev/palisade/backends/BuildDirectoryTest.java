package dev.palisade.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildDirectoryTest {
    private static ObjectNode object(String kind, String name, String namespace) {
        ObjectNode object = Yaml.object().put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return object;
    }

    private static final List<BuildDirectory.Part> PARTS = List.of(
            new BuildDirectory.Part("calico", BackendOutput.objects(List.of(object("Tier", "platform", null)))),
            new BuildDirectory.Part("seclang", new BackendOutput(List.of(),
                    List.of(new BackendOutput.OutputFile("www.conf", "SecRuleEngine On\n")))),
            new BuildDirectory.Part("k8s", BackendOutput.objects(List.of(object("ConfigMap", "palisade-policies", "shop")))));

    @Test
    void objectsGoUnderTheirNamespaceWithAKustomizationPerBackendAndOneOnTop() {
        assertEquals(List.of("calico/cluster/tier-platform.yaml", "calico/kustomization.yaml", "seclang/www.conf",
                "k8s/namespaces/shop/configmap-palisade-policies.yaml", "k8s/kustomization.yaml", "kustomization.yaml"),
                List.copyOf(BuildDirectory.files(PARTS).keySet()));
        assertEquals("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - calico\n  - k8s\n",
                BuildDirectory.files(PARTS).get("kustomization.yaml"));
    }

    @Test
    void theStreamHasOnlyKubernetesObjects() {
        String stream = BuildDirectory.stream(PARTS);
        assertEquals(List.of("Tier", "ConfigMap"), Yaml.readStream(stream).stream().map(o -> o.path("kind").asText()).toList());
        assertFalse(stream.contains("SecRuleEngine"));
    }

    @Test
    void aRebuildReplacesThePreviousBuildEntirely(@TempDir Path out) throws IOException {
        BuildDirectory.write(out, PARTS);
        Files.writeString(out.resolve("calico/cluster/tier-removed-from-git.yaml"), "kind: Tier\n");
        BuildDirectory.write(out, PARTS);
        assertFalse(Files.exists(out.resolve("calico/cluster/tier-removed-from-git.yaml")));
        assertTrue(Files.exists(out.resolve("calico/cluster/tier-platform.yaml")));
    }

    @Test
    void aDirectoryWithOtherFilesIsRefusedAndLeftAlone(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("notes.txt"), "mine");
        IOException refused = assertThrows(IOException.class, () -> BuildDirectory.write(out, PARTS));
        assertTrue(refused.getMessage().contains("did not write"), refused.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(List.of(out.resolve("notes.txt")), Files.list(out).toList());
    }
}
