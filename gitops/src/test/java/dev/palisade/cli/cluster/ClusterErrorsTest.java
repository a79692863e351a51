package dev.palisade.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the cluster says no: one line naming the object and what to do, exit 1, no stack trace. */
class ClusterErrorsTest {
    @TempDir
    Path directory;

    MockCluster cluster;

    @BeforeEach
    void start() throws IOException {
        cluster = new MockCluster(directory);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void forbiddenCreateStopsBeforePruning() throws IOException {
        Path policies = MockCluster.copyOfExamples(directory);
        assertEquals(0, cluster.palisade("apply", policies).exitCode());
        Files.delete(policies.resolve("bookinfo.pal"));
        Files.writeString(policies.resolve("billing.pal"), "policy invoices {\n    namespace \"billing\"\n"
                + "    selector 'app == \"invoices\"'\n    alp {\n        allow GET path prefix \"/invoices\"\n    }\n}\n");
        refuse("/apis/apps/v1/namespaces/billing/deployments", 403, "Forbidden",
                "deployments.apps is forbidden: User \"ci\" cannot create resource \"deployments\"");

        MockCluster.Run run = cluster.palisade("apply", policies);

        assertEquals(1, run.exitCode());
        assertOneLine(run, "palisade: cannot create Deployment billing/palisade-invoices: forbidden; give the account RBAC"
                + " permission to create it (deployments.apps is forbidden: User \"ci\" cannot create resource \"deployments\")");
        assertTrue(cluster.objects().containsKey("Deployment bookinfo/palisade-productpage"), "nothing pruned after a failure");
    }

    @Test
    void unservedKindNamesTheCrdToInstall() {
        refuse("/apis/policy/v1/namespaces/bookinfo/poddisruptionbudgets", 404, "NotFound", "the server could not find the requested resource");

        MockCluster.Run run = cluster.palisade("apply", MockCluster.EXAMPLES);

        assertEquals(1, run.exitCode());
        assertOneLine(run, "palisade: cannot create PodDisruptionBudget bookinfo/palisade-productpage: the cluster does not serve"
                + " this kind or has no such namespace; install the kind's CRD (Calico, Calico Enterprise) or create the namespace,"
                + " or leave the backend out with --backend (the server could not find the requested resource)");
    }

    @Test
    void conflictingUpdateSaysToRunAgain() throws IOException {
        Path policies = MockCluster.copyOfExamples(directory);
        assertEquals(0, cluster.palisade("apply", policies).exitCode());
        Files.writeString(policies.resolve("www.pal"), Files.readString(policies.resolve("www.pal")).replace("/robots.txt", "/humans.txt"));
        cluster.server.expect().put().withPath("/api/v1/namespaces/default/configmaps/palisade-policies")
                .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict")
                        .withMessage("the object has been modified; please apply your changes to the latest version").build())
                .always();

        MockCluster.Run run = cluster.palisade("apply", policies);

        assertEquals(1, run.exitCode());
        assertOneLine(run, "palisade: cannot update ConfigMap default/palisade-policies: it changed while Palisade was applying;"
                + " run the command again (the object has been modified; please apply your changes to the latest version)");
    }

    @Test
    void unreachableClusterAndUnknownContext() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        Files.writeString(cluster.kubeconfig, Files.readString(cluster.kubeconfig)
                .replaceAll("server: .*", "server: http://127.0.0.1:" + closed));

        MockCluster.Run unreachable = cluster.palisade("status", MockCluster.EXAMPLES);
        assertEquals(1, unreachable.exitCode());
        String error = unreachable.err().lines().filter(line -> line.startsWith("palisade:")).findFirst().orElse("");
        assertTrue(error.startsWith("palisade: cannot read ") && error.endsWith(": cannot reach the cluster at http://127.0.0.1:"
                + closed + "/; check --kubeconfig and --context"), unreachable.err());
        assertOneLine(unreachable, null);

        MockCluster.Run unknown = cluster.palisade("apply", "--context", "production", MockCluster.EXAMPLES);
        assertEquals(1, unknown.exitCode());
        assertOneLine(unknown, "palisade: no context `production` in the kubeconfig; `kubectl config get-contexts` lists them");
    }

    /** Makes the API server answer every POST to {@code path} with an error status. */
    private void refuse(String path, int code, String reason, String message) {
        cluster.server.expect().post().withPath(path)
                .andReturn(code, new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build()).always();
    }

    /**
     * The error is exactly one line (and equals {@code expected} when given), with no trace; the
     * build's own warnings about the policies (diagnostics with their source lines) may come before it.
     */
    private static void assertOneLine(MockCluster.Run run, String expected) {
        List<String> errors = run.err().lines().filter(line -> line.startsWith("palisade:")).toList();
        assertEquals(1, errors.size(), run.err());
        assertEquals(errors.get(0), run.err().strip().lines().reduce((first, second) -> second).orElse(""),
                "the error is the last line");
        if (expected != null) {
            assertEquals(expected, errors.get(0));
        }
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
