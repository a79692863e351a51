package dev.palisade.backends.envoy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import dev.palisade.engine.request.Workload;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The {@code envoy.filters.http.ext_authz} filter asking the Palisade runtime over gRPC
 * ({@code envoy.service.auth.v3.Authorization/Check}), and the route setting that tells the runtime
 * which workload a check is for.
 *
 * <p>The filter is emitted for every workload, not only for those with a WAF: the runtime writes
 * the decision log (Calico-style L7 log lines) for every request that gets past RBAC, runs the
 * WAF when there is one, and decides ALP again with Palisade's own path normalizer on the path
 * Envoy forwards, which closes gaps between Envoy's normalization and Palisade's that RBAC alone
 * cannot (see {@link EnvoyBackend}). {@code failure_mode_allow} is false unless the build asks to fail
 * open ({@code --envoy-failure-mode allow}): by default, when the runtime cannot answer, the request
 * is denied (403), never waved through.
 */
final class ExtAuthzFilter {
    static final String NAME = "envoy.filters.http.ext_authz";
    static final String TYPE = "type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz";
    static final String PER_ROUTE_TYPE = "type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute";
    /** The keys the runtime reads ({@code WorkloadExtensions}). */
    static final String LABELS = "palisade.labels";
    static final String NAMESPACE = "palisade.namespace";

    private ExtAuthzFilter() {}

    /**
     * @param maxRequestBytes the WAF's request body limit, when a WAF inspects bodies: Envoy then
     *     buffers up to that many bytes for the check (raising the stream's buffer limit to it) and
     *     answers 413 beyond it ({@code allow_partial_message: false}: never a silently truncated
     *     inspection); {@code pack_as_bytes} sends the body as bytes ({@code raw_body}), so the WAF
     *     sees exactly what the client sent, not a UTF-8 rendering of it
     * @param failureModeAllow let requests through, unchecked, when the runtime cannot answer
     */
    static ObjectNode filter(String cluster, OptionalLong maxRequestBytes, boolean failureModeAllow) {
        ObjectNode config = Yaml.object();
        config.put("@type", TYPE);
        config.put("transport_api_version", "V3");
        config.put("failure_mode_allow", failureModeAllow);
        ObjectNode grpc = config.putObject("grpc_service");
        grpc.putObject("envoy_grpc").put("cluster_name", cluster);
        grpc.put("timeout", "0.5s");
        maxRequestBytes.ifPresent(limit -> {
            ObjectNode body = config.putObject("with_request_body");
            body.put("max_request_bytes", limit);
            body.put("allow_partial_message", false);
            body.put("pack_as_bytes", true);
        });
        ObjectNode filter = Yaml.object();
        filter.put("name", NAME);
        filter.set("typed_config", config);
        return filter;
    }

    /** The route's {@code typed_per_filter_config}: the workload as {@code context_extensions}. */
    static ObjectNode perRoute(Workload workload) {
        ObjectNode config = Yaml.object();
        config.put("@type", PER_ROUTE_TYPE);
        ObjectNode extensions = config.putObject("check_settings").putObject("context_extensions");
        extensions.put(LABELS, labels(workload.labels()));
        extensions.put(NAMESPACE, workload.namespace());
        ObjectNode perFilter = Yaml.object();
        perFilter.set(NAME, config);
        return perFilter;
    }

    /** {@code app=www,tier=web}, keys sorted, as the runtime parses it. */
    static String labels(Map<String, String> labels) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(labels).forEach((key, value) -> out.append(out.length() == 0 ? "" : ",").append(key).append('=').append(value));
        return out.toString();
    }
}
