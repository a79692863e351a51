package dev.palisade.proxy.extauthz;

import dev.palisade.engine.request.Workload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workload a gRPC check is for, from the route's or filter's {@code context_extensions}
 * ({@code palisade.labels: "app=www,tier=web"}, {@code palisade.namespace: "shop"}); what is
 * missing comes from the server's defaults (the CLI flags).
 */
final class WorkloadExtensions {
    static final String LABELS = "palisade.labels";
    static final String NAMESPACE = "palisade.namespace";
    /**
     * The HTTP service's equivalents: headers Envoy adds to the authorization request
     * ({@code authorization_request.headers_to_add}). Only these two are read, and only from the
     * authorization request itself: the client's own headers reach it only if the filter's
     * {@code allowed_headers} lets them, so do not allow these names there.
     */
    static final String LABELS_HEADER = "x-palisade-labels";
    static final String NAMESPACE_HEADER = "x-palisade-namespace";

    private WorkloadExtensions() {}

    /** @throws IllegalArgumentException when the labels are not {@code KEY=VALUE[,KEY=VALUE]} */
    static Workload workload(Map<String, String> extensions, Workload defaults) {
        String labels = extensions.get(LABELS);
        String namespace = extensions.get(NAMESPACE);
        if (labels == null && namespace == null) {
            return defaults;
        }
        return new Workload(labels == null ? defaults.labels() : parseLabels(labels),
                namespace == null || namespace.isBlank() ? defaults.namespace() : namespace.trim());
    }

    /** The workload of an HTTP authorization request, from its {@code x-palisade-*} headers. */
    static Workload fromHeaders(io.netty.handler.codec.http.HttpHeaders headers, Workload defaults) {
        Map<String, String> extensions = new LinkedHashMap<>();
        if (headers.contains(LABELS_HEADER)) {
            extensions.put(LABELS, headers.get(LABELS_HEADER));
        }
        if (headers.contains(NAMESPACE_HEADER)) {
            extensions.put(NAMESPACE, headers.get(NAMESPACE_HEADER));
        }
        return workload(extensions, defaults);
    }

    static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(LABELS + " must be KEY=VALUE[,KEY=VALUE], got " + text);
            }
            labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return labels;
    }
}
