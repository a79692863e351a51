package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime's pod sees: the built ConfigMap mounted as the Deployment's volume says, laid
 * out as the kubelet does (each version in a hidden {@code ..TIMESTAMP} directory, {@code ..data}
 * pointing at it, the visible files links through it). The policies there must compile and pass
 * their tests: nothing they need (included SecLang, test corpora) may be left behind in Git.
 */
class PolicyConfigMapMountTest {
    @Test
    void theMountedPoliciesCompileAndPassTheirTests(@TempDir Path build, @TempDir Path mount) throws Exception {
        Cli built = Cli.run("build", "policies-examples", "--accept-inexact", "P0621,P0623",
                "-o", build.resolve("out").toString());
        assertEquals(0, built.exitCode(), built::toString);
        JsonNode configMap = Yaml.readStream(Files.readString(
                build.resolve("out/k8s/namespaces/default/configmap-palisade-policies.yaml"))).get(0);
        JsonNode deployment = Yaml.readStream(Files.readString(
                build.resolve("out/k8s/namespaces/default/deployment-palisade-www.yaml"))).get(0);
        JsonNode volume = deployment.path("spec").path("template").path("spec").path("volumes").get(0);
        assertEquals("palisade-policies", volume.path("configMap").path("name").asText());

        Path version = Files.createDirectory(mount.resolve("..2026_11_24_22_00_00.000000001"));
        Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
        for (JsonNode item : volume.path("configMap").path("items")) {
            Path file = version.resolve(item.path("path").asText());
            Files.createDirectories(file.getParent());
            Files.writeString(file, configMap.path("data").path(item.path("key").asText()).asText());
            String top = item.path("path").asText().split("/")[0];
            if (!Files.exists(mount.resolve(top), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(mount.resolve(top), Path.of("..data", top));
            }
        }
        assertTrue(Files.exists(mount.resolve("corpus/usernames.txt")), "the test corpus travels with the policies");

        Cli test = Cli.run("test", mount.toString(), "--seed", "1", "--tries", "50");
        assertEquals(0, test.exitCode(), test::toString);
        assertTrue(test.out().startsWith("checked 3 files, compiled 4 policies"), test::toString);
        assertEquals(List.of(), test.err().lines().toList());
    }
}
