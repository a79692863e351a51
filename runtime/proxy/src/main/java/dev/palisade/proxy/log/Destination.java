package dev.palisade.proxy.log;

import dev.palisade.engine.request.Workload;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workload a request was for, as decision lines name it: {@code "dest_service"} is the
 * workload's {@code app} label (what Kubernetes and Istio call the service), else all its labels
 * as {@code k=v,…} sorted by key; {@code "dest_namespace"} its namespace. Built once per listener
 * inline, and once per check with ext_authz, so writing a line allocates nothing for it.
 *
 * @param service the {@code app} label, the labels as {@code k=v,…}, or {@code null} for no labels
 * @param namespace the namespace, or {@code null} when unknown
 */
public record Destination(String service, String namespace) {
    /** Neither known (tests, and checks that name no workload). */
    public static final Destination UNKNOWN = new Destination(null, null);

    public static Destination of(Workload workload) {
        if (workload == null) {
            return UNKNOWN;
        }
        return new Destination(service(workload.labels()), workload.namespace());
    }

    private static String service(Map<String, String> labels) {
        String app = labels.get("app");
        if (app != null) {
            return app;
        }
        if (labels.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            if (joined.length() > 0) {
                joined.append(',');
            }
            joined.append(label.getKey()).append('=').append(label.getValue());
        }
        return joined.toString();
    }
}
