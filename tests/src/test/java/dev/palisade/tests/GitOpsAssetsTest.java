package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.EmittedObjects;
import dev.palisade.backends.Yaml;
import dev.palisade.cli.Main;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The GitOps assets under {@code gitops/}: the Argo CD plugin's generate command, run exactly as
 * plugin.yaml says in the directory application.yaml points at, prints only valid Kubernetes
 * objects; the CI workflow's palisade commands are ones the CLI accepts.
 */
class GitOpsAssetsTest {
    private static JsonNode read(String path) throws Exception {
        return Yaml.readStream(Files.readString(Path.of(path))).get(0);
    }

    @Test
    void thePluginsGenerateCommandPrintsOnlyValidObjects(@TempDir Path bin) throws Exception {
        JsonNode plugin = read("gitops/argocd/plugin.yaml");
        JsonNode application = read("gitops/argocd/application.yaml");
        assertEquals("ConfigManagementPlugin", plugin.path("kind").asText());
        // Argo CD names a versioned plugin NAME-VERSION; the Application must use that name.
        assertEquals(plugin.path("metadata").path("name").asText() + "-" + plugin.path("spec").path("version").asText(),
                application.path("spec").path("source").path("plugin").path("name").asText());
        Path source = Path.of(application.path("spec").path("source").path("path").asText());
        assertTrue(Files.list(source).anyMatch(file -> file.toString().endsWith(".pal")), "discover finds the policies");

        List<String> command = new ArrayList<>();
        plugin.path("spec").path("generate").path("command").forEach(part -> command.add(part.asText()));
        plugin.path("spec").path("generate").path("args").forEach(part -> command.add(part.asText()));
        // The sidecar image has `palisade` on its PATH; here it is this build's CLI.
        Path palisade = bin.resolve("palisade");
        Files.writeString(palisade, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(palisade, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = bin + File.pathSeparator + System.getenv("PATH");
        // The child's PATH finds the command, as in the sidecar (Java would search the parent's PATH).
        command.set(0, onPath(command.get(0), path));
        ProcessBuilder generate = new ProcessBuilder(command).directory(source.toFile());
        generate.environment().put("PATH", path);
        generate.environment().put("ARGOCD_APP_NAME", application.path("metadata").path("name").asText());
        generate.redirectError(bin.resolve("stderr").toFile());
        Process process = generate.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "generate finished");
        String stderr = Files.readString(bin.resolve("stderr"));
        assertEquals(0, process.exitValue(), stderr);
        assertFalse(stderr.contains("error"), stderr);

        List<JsonNode> objects = Yaml.readStream(stdout);
        Map<String, Integer> kinds = new TreeMap<>();
        for (JsonNode object : objects) {
            kinds.merge(object.path("kind").asText(), 1, Integer::sum);
            assertEquals(List.of(), EmittedObjects.problems(object),
                    object.path("kind").asText() + " " + object.path("metadata").path("name").asText());
        }
        assertTrue(kinds.containsKey("GlobalNetworkPolicy") && kinds.containsKey("Deployment"), kinds.toString());
    }

    private static String onPath(String command, String path) {
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(command + " is not on PATH " + path);
    }

    @Test
    void theCiWorkflowsPalisadeCommandsAreOnesTheCliAccepts() throws Exception {
        JsonNode workflow = read("gitops/ci/github-actions.yaml");
        List<String> commands = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            for (String line : step.path("run").asText("").split("\n")) {
                String command = line.replaceAll("\\s*(\\|\\||&&).*", "").trim();
                if (command.startsWith("palisade ")) {
                    commands.add(command);
                }
            }
        }));
        assertEquals(List.of("check", "test", "diff", "build"),
                commands.stream().map(command -> command.split("\\s+")[1]).toList(), commands.toString());
        for (String command : commands) {
            String[] args = command.substring("palisade ".length()).replace("${{ github.base_ref }}", "main").split("\\s+");
            new CommandLine(new Main()).parseArgs(args); // throws on an unknown option or a missing value
        }
    }
}
