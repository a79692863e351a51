package dev.palisade.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import dev.palisade.cli.Main;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * fabric8's mock API server in CRUD mode on 127.0.0.1, serving every kind Palisade can emit (the
 * Calico and Tigera kinds registered as custom resources), a kubeconfig that points at it, and the
 * CLI run in-process against it. The kubeconfig goes to the command line, not to system
 * properties, so nothing leaks into other tests.
 */
final class MockCluster implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("palisade.root", "../..")).normalize();
    static final Path EXAMPLES = ROOT.resolve("policies-examples");

    final KubernetesMockServer server;
    final KubernetesClient client;
    final Path kubeconfig;

    /** One command's result. */
    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** @param otherKinds custom kinds to serve besides Palisade's */
    MockCluster(Path directory, ClusterKind... otherKinds) throws IOException {
        List<ClusterKind> served = new ArrayList<>(ManagedKinds.all());
        served.addAll(List.of(otherKinds));
        List<CustomResourceDefinitionContext> customKinds = new ArrayList<>();
        for (ClusterKind kind : served) {
            if (kind.group().contains(".")) {
                customKinds.add(new CustomResourceDefinitionContext.Builder().withGroup(kind.group())
                        .withVersion(kind.version()).withKind(kind.kind()).withPlural(kind.plural())
                        .withScope(kind.namespaced() ? "Namespaced" : "Cluster").build());
            }
        }
        // Expectations (server.expect(), for injected errors) first, then the CRUD store; plain HTTP.
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses, customKinds), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
        kubeconfig = directory.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                    namespace: default
                current-context: mock
                users:
                - name: tester
                  user:
                    token: not-checked
                """.formatted(server.url("/").replaceAll("/$", "")));
    }

    /**
     * What the examples need to build for Calico: their www policy's WAF, global and on Calico's own
     * Core Rule Set, is a weaker translation the user must accept (README, Diagnostics).
     */
    static final String ACCEPT_INEXACT = "P0621,P0623";

    /** Runs {@code palisade COMMAND --kubeconfig FILE --accept-inexact P0621,P0623 ARGS...}. */
    Run palisade(String command, Object... args) {
        List<String> line = new ArrayList<>(List.of(command, "--kubeconfig", kubeconfig.toString(),
                "--accept-inexact", ACCEPT_INEXACT));
        for (Object arg : args) {
            line.add(arg.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), line.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every object of the kinds Palisade can emit, by {@code Kind namespace/name}, as JSON. */
    Map<String, ObjectNode> objects() {
        Map<String, ObjectNode> objects = new TreeMap<>();
        for (ClusterKind kind : ManagedKinds.all()) {
            var all = client.genericKubernetesResources(kind.context());
            List<GenericKubernetesResource> items;
            try {
                items = (kind.namespaced() ? all.inAnyNamespace() : all).list().getItems();
            } catch (KubernetesClientException e) {
                // The mock answers 404 for a kind it holds no object of.
                if (e.getCode() == 404) {
                    continue;
                }
                throw e;
            }
            for (GenericKubernetesResource item : items) {
                ObjectNode tree = client.getKubernetesSerialization().convertValue(item, ObjectNode.class);
                objects.put(ObjectKey.of(kind, tree).toString(), tree);
            }
        }
        return objects;
    }

    /** The objects {@code palisade build --stdout PATH} prints, by {@code Kind namespace/name}. */
    static Map<String, JsonNode> built(Path policies) {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "build", "--stdout",
                "--accept-inexact", ACCEPT_INEXACT, policies.toString());
        if (code != 0) {
            throw new IllegalStateException("palisade build failed on " + policies);
        }
        Map<String, JsonNode> objects = new TreeMap<>();
        for (JsonNode object : Yaml.readStream(out.toString())) {
            String apiVersion = object.path("apiVersion").asText();
            String kindName = object.path("kind").asText();
            // Pruning relies on the list being complete: a new backend's kind belongs there.
            ClusterKind kind = ManagedKinds.find(apiVersion, kindName).orElseThrow(() -> new AssertionError(
                    "the build emits " + apiVersion + " " + kindName + ", which ManagedKinds does not list"));
            objects.put(ObjectKey.of(kind, object).toString(), object);
        }
        return objects;
    }

    /** Copies the examples (with their test corpora) into {@code directory}, to change them there. */
    static Path copyOfExamples(Path directory) throws IOException {
        Path copy = Files.createDirectories(directory.resolve("policies"));
        try (var files = Files.walk(EXAMPLES)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(EXAMPLES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
