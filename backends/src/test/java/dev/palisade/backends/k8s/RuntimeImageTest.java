package dev.palisade.backends.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.ExamplePolicies;
import dev.palisade.dsl.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code Dockerfile} builds the image the emitted Deployments run: nothing here
 * builds it (no registry for a base image), so these check that the two agree on what the pod
 * relies on: the user the pod runs as, the command its arguments follow, and the Core Rule Set the
 * policies load.
 */
class RuntimeImageTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static String dockerfile() throws Exception {
        return Files.readString(DOCKERFILE);
    }

    private static JsonNode podSpec() {
        ObjectNode deployment = new KubernetesBackend().emit(ExamplePolicies.all(), BuildOptions.defaults(), new Diagnostics())
                .objects().stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        return deployment.path("spec").path("template").path("spec");
    }

    @Test
    void theImageRunsAsTheUserAndGroupThePodDemands() throws Exception {
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile());
        assertTrue(user.find(), "the Dockerfile sets a numeric USER uid:gid (runAsNonRoot needs a number)");
        JsonNode security = podSpec().path("securityContext");
        assertTrue(security.path("runAsNonRoot").asBoolean());
        assertEquals(security.path("runAsUser").asText(), user.group(1));
        assertEquals(security.path("runAsGroup").asText(), user.group(2));
    }

    @Test
    void theContainerArgumentsFollowTheCliJar() throws Exception {
        String text = dockerfile();
        assertTrue(text.contains("COPY gitops/target/palisade.jar /opt/palisade/palisade.jar"), "the shaded CLI jar is copied");
        assertTrue(text.contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/palisade/palisade.jar\"]"),
                "the entrypoint runs the CLI, so the pod's args are a palisade command line");
        JsonNode container = podSpec().path("containers").get(0);
        assertTrue(container.path("command").isMissingNode(), "the Deployment keeps the image's entrypoint");
        assertEquals("serve", container.path("args").get(0).asText());
        assertEquals(BuildOptions.DEFAULT_IMAGE, container.path("image").asText());
    }

    @Test
    void theImageHasTheCoreRuleSetThePoliciesLoad() throws Exception {
        assertTrue(List.of(dockerfile().split("\\s+")).contains("modsecurity-crs"),
                "Debian's modsecurity-crs (the `crs` line's default rule set) is installed in the image");
    }

    /** The CI workflow and the Argo CD sidecar run in this image and call `palisade` from a shell. */
    @Test
    void shellStepsFindPalisadeAndGit() throws Exception {
        String text = dockerfile();
        assertTrue(text.contains("exec java -jar /opt/palisade/palisade.jar \"$@\"\\n' > /usr/local/bin/palisade"),
                "a palisade command on the PATH");
        assertTrue(List.of(text.split("\\s+")).contains("git"), "git, which `palisade diff --base` reads revisions with");
        String workflow = Files.readString(Path.of("gitops/ci/github-actions.yaml"));
        assertTrue(workflow.contains("container: " + BuildOptions.DEFAULT_IMAGE), "the workflow runs in this image");
    }
}
