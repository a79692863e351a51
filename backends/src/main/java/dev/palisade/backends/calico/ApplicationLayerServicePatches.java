package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BackendOutput.OutputFile;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.Yaml;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-service opt-in Calico Enterprise's per-node Envoy needs: traffic reaches ALP, the WAF
 * and L7 logging only for Services annotated {@code projectcalico.org/l7-logging: "true"}.
 * Palisade does not own users' Services, so instead of a Service it emits, per workload, a
 * strategic-merge patch that adds only the annotation to the Service named after the workload,
 * in its namespace; {@code kubectl patch --patch-file} or a kustomize {@code patches:} entry
 * applies it, and nothing else of the Service changes.
 *
 * <pre>
 * # service-patches/shop/orders-api.yaml
 * apiVersion: v1
 * kind: Service
 * metadata:
 *   name: orders-api
 *   namespace: shop
 *   annotations:
 *     projectcalico.org/l7-logging: "true"
 * </pre>
 */
public final class ApplicationLayerServicePatches {
    public static final String ANNOTATION = "projectcalico.org/l7-logging";
    public static final String DIRECTORY = "service-patches";

    private ApplicationLayerServicePatches() {}

    /** One patch per workload whose policy has an alp, waf or log block, in workload order. */
    public static List<OutputFile> emit(BuildInput input) {
        List<OutputFile> files = new ArrayList<>();
        for (BuildWorkload workload : input.workloads()) {
            if (!ApplicationLayerResource.needs(input, workload.name())) {
                continue;
            }
            String namespace = workload.workload().namespace();
            ObjectNode patch = Yaml.object().put("apiVersion", "v1").put("kind", "Service");
            ObjectNode metadata = patch.putObject("metadata").put("name", workload.name()).put("namespace", namespace);
            metadata.putObject("annotations").put(ANNOTATION, "true");
            String path = DIRECTORY + "/" + namespace + "/" + workload.name() + ".yaml";
            files.add(new OutputFile(path, "# Sends the Service's traffic through Calico's L7 proxy (ALP, WAF, L7 logs)"
                    + " for policy " + workload.name() + ".\n# Apply: kubectl patch service " + workload.name()
                    + " -n " + namespace + " --patch-file " + path + "\n# (rename the Service here if yours is named"
                    + " differently)\n" + Yaml.write(patch)));
        }
        return files;
    }
}
