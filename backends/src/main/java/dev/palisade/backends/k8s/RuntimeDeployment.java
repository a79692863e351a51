package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.Yaml;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Palisade runtime in front of one workload: {@code palisade serve} as an inline proxy to the
 * workload's Service, two replicas, probes on the admin port, locked down (non-root, read-only
 * root filesystem, no capabilities), the policy sources mounted from the ConfigMap so a change
 * in Git reaches the pods as a hot reload, not a restart.
 */
final class RuntimeDeployment {
    static final int PROXY_PORT = 8080;
    static final int ADMIN_PORT = 9090;
    /** The workload's own Service port the proxy forwards to; patch the Deployment's args when it differs. */
    static final int UPSTREAM_PORT = 80;
    static final int REPLICAS = 2;

    private RuntimeDeployment() {}

    static String name(BuildWorkload workload) {
        return "palisade-" + workload.name();
    }

    static ObjectNode deployment(BuildWorkload workload, String image, ObjectNode policiesVolume) {
        ObjectNode deployment = Manifests.object("apps/v1", "Deployment", name(workload), workload.workload().namespace());
        ObjectNode spec = deployment.putObject("spec").put("replicas", REPLICAS);
        spec.putObject("selector").set("matchLabels", Manifests.selectorLabels(workload.name()));
        ObjectNode template = spec.putObject("template");
        ObjectNode podLabels = Manifests.selectorLabels(workload.name()).put(Manifests.MANAGED_BY, Manifests.PALISADE);
        template.putObject("metadata").set("labels", podLabels);
        ObjectNode pod = template.putObject("spec");
        pod.put("automountServiceAccountToken", false);
        pod.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", 65532).put("runAsGroup", 65532)
                .putObject("seccompProfile").put("type", "RuntimeDefault");
        ObjectNode container = pod.putArray("containers").addObject().put("name", "palisade").put("image", image);
        ArrayNode args = container.putArray("args");
        for (String arg : arguments(workload)) {
            args.add(arg);
        }
        // The JVM sizes its heap from the container's memory limit.
        container.putArray("env").addObject().put("name", "JAVA_TOOL_OPTIONS").put("value", "-XX:MaxRAMPercentage=70");
        ArrayNode ports = container.putArray("ports");
        ports.addObject().put("name", "http").put("containerPort", PROXY_PORT).put("protocol", "TCP");
        ports.addObject().put("name", "admin").put("containerPort", ADMIN_PORT).put("protocol", "TCP");
        container.set("livenessProbe", probe("/healthz", 10));
        container.set("readinessProbe", probe("/readyz", 5));
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", "250m").put("memory", "512Mi");
        resources.putObject("limits").put("memory", "1Gi");
        ObjectNode security = container.putObject("securityContext").put("allowPrivilegeEscalation", false)
                .put("readOnlyRootFilesystem", true);
        security.putObject("capabilities").putArray("drop").add("ALL");
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "policies").put("mountPath", PolicyFilesConfigMap.MOUNT).put("readOnly", true);
        // The JVM and Janino write to /tmp; the root filesystem stays read-only.
        mounts.addObject().put("name", "tmp").put("mountPath", "/tmp");
        ArrayNode volumes = pod.putArray("volumes");
        volumes.add(policiesVolume);
        volumes.addObject().put("name", "tmp").putObject("emptyDir").put("sizeLimit", "64Mi");
        return deployment;
    }

    static ObjectNode service(BuildWorkload workload) {
        ObjectNode service = Manifests.object("v1", "Service", name(workload), workload.workload().namespace());
        ObjectNode spec = service.putObject("spec");
        spec.set("selector", Manifests.selectorLabels(workload.name()));
        ArrayNode ports = spec.putArray("ports");
        ports.addObject().put("name", "http").put("port", PROXY_PORT).put("targetPort", "http").put("protocol", "TCP");
        ports.addObject().put("name", "admin").put("port", ADMIN_PORT).put("targetPort", "admin").put("protocol", "TCP");
        return service;
    }

    static ObjectNode disruptionBudget(BuildWorkload workload) {
        ObjectNode budget = Manifests.object("policy/v1", "PodDisruptionBudget", name(workload),
                workload.workload().namespace());
        ObjectNode spec = budget.putObject("spec").put("minAvailable", 1);
        spec.putObject("selector").set("matchLabels", Manifests.selectorLabels(workload.name()));
        return budget;
    }

    /** {@code palisade serve} for this workload: its labels and namespace pick the policies that apply. */
    static java.util.List<String> arguments(BuildWorkload workload) {
        String namespace = workload.workload().namespace();
        StringBuilder labels = new StringBuilder();
        for (Map.Entry<String, String> label : new TreeMap<>(workload.workload().labels()).entrySet()) {
            labels.append(labels.length() == 0 ? "" : ",").append(label.getKey()).append('=').append(label.getValue());
        }
        return java.util.List.of("serve", "--policies", PolicyFilesConfigMap.MOUNT,
                "--listen", "0.0.0.0:" + PROXY_PORT,
                "--upstream", "http://" + workload.name() + "." + namespace + ".svc:" + UPSTREAM_PORT,
                "--admin", "0.0.0.0:" + ADMIN_PORT,
                "--workload-labels", labels.toString(), "--namespace", namespace);
    }

    private static ObjectNode probe(String path, int periodSeconds) {
        ObjectNode probe = Yaml.object();
        probe.putObject("httpGet").put("path", path).put("port", "admin");
        return probe.put("periodSeconds", periodSeconds).put("failureThreshold", 3);
    }
}
