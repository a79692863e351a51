package dev.palisade.backends.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.ExamplePolicies;
import dev.palisade.backends.Yaml;
import dev.palisade.dsl.diag.Diagnostics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesBackendTest {
    private static final BuildInput EXAMPLES = ExamplePolicies.all();

    private static List<ObjectNode> emit() {
        Diagnostics diagnostics = new Diagnostics();
        BackendOutput output = new KubernetesBackend().emit(EXAMPLES, BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        return output.objects();
    }

    @Test
    void everyObjectIsAKubernetesTypeWithOnlyFieldsTheApiKnows() {
        for (ObjectNode object : emit()) {
            JsonNode reread = Yaml.readStream(Yaml.write(object)).get(0);
            HasMetadata typed = KubernetesModelCheck.read(reread);
            assertEquals(object.path("kind").asText(), typed.getKind());
            assertEquals(List.of(), KubernetesModelCheck.unknownFields(typed), typed.getKind() + " " + typed.getMetadata().getName());
        }
    }

    @Test
    void theCheckFindsAMisspeltField() {
        ObjectNode deployment = emit().stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0)).put("imagePull", "Always");
        assertEquals(List.of("spec.template.spec.containers[0].imagePull"),
                KubernetesModelCheck.unknownFields(KubernetesModelCheck.read(deployment)));
    }

    @Test
    void eachSelectedWorkloadGetsALockedDownRuntimeWithProbesServiceAndBudget() {
        Map<String, List<String>> kindsByWorkload = emit().stream()
                .filter(o -> !o.path("kind").asText().equals("ConfigMap"))
                .collect(Collectors.groupingBy(o -> o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText(),
                        java.util.TreeMap::new, Collectors.mapping(o -> o.path("kind").asText(), Collectors.toList())));
        assertEquals(Map.of(
                "bookinfo/palisade-productpage", List.of("Deployment", "Service", "PodDisruptionBudget"),
                "default/palisade-www", List.of("Deployment", "Service", "PodDisruptionBudget"),
                "shop/palisade-orders-api", List.of("Deployment", "Service", "PodDisruptionBudget")), kindsByWorkload);

        Deployment www = (Deployment) emit().stream().filter(o -> o.path("kind").asText().equals("Deployment")
                && o.path("metadata").path("name").asText().equals("palisade-www")).map(KubernetesModelCheck::read).findFirst().orElseThrow();
        Container container = www.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("/healthz", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/readyz", container.getReadinessProbe().getHttpGet().getPath());
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(false, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertTrue(www.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertEquals(List.of("serve", "--policies", "/etc/palisade/policies", "--listen", "0.0.0.0:8080",
                "--upstream", "http://www.default.svc:80", "--admin", "0.0.0.0:9090",
                "--workload-labels", "app=www", "--namespace", "default"), container.getArgs());
    }

    @Test
    void thePolicySourcesShipVerbatimInEachWorkloadNamespace() throws Exception {
        List<ConfigMap> maps = emit().stream().filter(o -> o.path("kind").asText().equals("ConfigMap"))
                .map(o -> (ConfigMap) KubernetesModelCheck.read(o)).toList();
        assertEquals(List.of("bookinfo", "default", "shop"), maps.stream().map(m -> m.getMetadata().getNamespace()).toList());
        for (ConfigMap map : maps) {
            assertEquals(java.nio.file.Files.readString(java.nio.file.Path.of("policies-examples/www.pal")), map.getData().get("www.pal"));
            assertEquals(List.of("bookinfo.pal", "corpus_usernames.txt", "platform.pal", "www.pal"), List.copyOf(map.getData().keySet()));
        }
    }
}
