package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.BuildDirectory;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Manifests that run the Palisade runtime for every workload the policies select: per workload a
 * Deployment, Service and PodDisruptionBudget; per namespace the ConfigMap of policy sources.
 * ({@link BuildDirectory} writes the {@code kustomization.yaml} over them.)
 */
public final class KubernetesBackend implements Backend {
    @Override
    public String name() {
        return "k8s";
    }

    @Override
    public BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        List<PolicyFilesConfigMap.Entry> entries = PolicyFilesConfigMap.entries(input, diagnostics);
        Set<String> namespaces = new TreeSet<>();
        input.workloads().forEach(workload -> namespaces.add(workload.workload().namespace()));
        List<ObjectNode> objects = new ArrayList<>();
        for (String namespace : namespaces) {
            objects.add(PolicyFilesConfigMap.configMap(entries, namespace));
        }
        ObjectNode volume = PolicyFilesConfigMap.volume(entries);
        for (BuildWorkload workload : input.workloads()) {
            objects.add(RuntimeDeployment.deployment(workload, options.runtimeImage(), volume));
            objects.add(RuntimeDeployment.service(workload));
            objects.add(RuntimeDeployment.disruptionBudget(workload));
        }
        return BackendOutput.objects(objects);
    }
}
