package dev.palisade.backends.envoy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.engine.request.Workload;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An Envoy v3 bootstrap for one workload: a listener whose HTTP connection manager normalizes the
 * path, then runs RBAC (ALP), ext_authz (the Palisade runtime) and the router to the application;
 * static clusters for the application and the runtime.
 *
 * <p>For a sidecar next to the application in one pod: Envoy listens on
 * {@value #LISTEN_ADDRESS}:{@value #LISTEN_PORT}, the application on
 * {@value #APP_ADDRESS}:{@value #APP_PORT}, the runtime's gRPC ext_authz server where
 * {@link BuildOptions.Envoy} says (by default 127.0.0.1:9192, where
 * {@code palisade serve --mode ext-authz --grpc-listen 127.0.0.1:9192} answers).
 *
 * <p>The listener carries no TLS settings: certificates are the deployment's. Rules with a
 * {@code from} condition match only callers this Envoy has authenticated, so they need mutual TLS
 * terminated on this listener (a {@code DownstreamTlsContext} requiring client certificates);
 * without it RBAC and the runtime both see no caller, and such rules match no request.
 */
final class EnvoyBootstrap {
    static final String LISTEN_ADDRESS = "0.0.0.0";
    static final int LISTEN_PORT = 10000;
    static final String APP_ADDRESS = "127.0.0.1";
    static final int APP_PORT = 8080;
    static final String APP_CLUSTER = "app";
    static final String RUNTIME_CLUSTER = "palisade-runtime";
    static final String HCM_TYPE =
            "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
    static final String ROUTER_TYPE = "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router";
    static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    private EnvoyBootstrap() {}

    /** @param rbac the RBAC filter, absent when no ALP policy applies (every request allowed) */
    static ObjectNode bootstrap(Workload workload, Optional<ObjectNode> rbac, OptionalLong maxRequestBytes,
            BuildOptions.Envoy options) {
        ObjectNode resources = Yaml.object();
        resources.putArray("listeners").add(listener(workload, rbac, maxRequestBytes, options.failureModeAllow()));
        ArrayNode clusters = resources.putArray("clusters");
        clusters.add(cluster(APP_CLUSTER, APP_ADDRESS, APP_PORT, "1s"));
        ObjectNode runtime = cluster(RUNTIME_CLUSTER, options.runtimeAddress(), options.runtimePort(), "0.25s");
        // gRPC needs HTTP/2 to the runtime.
        ObjectNode protocol = runtime.putObject("typed_extension_protocol_options").putObject(HTTP_PROTOCOL_OPTIONS);
        protocol.put("@type", "type.googleapis.com/" + HTTP_PROTOCOL_OPTIONS);
        protocol.putObject("explicit_http_config").putObject("http2_protocol_options");
        clusters.add(runtime);
        ObjectNode bootstrap = Yaml.object();
        bootstrap.set("static_resources", resources);
        return bootstrap;
    }

    private static ObjectNode listener(Workload workload, Optional<ObjectNode> rbac, OptionalLong maxRequestBytes,
            boolean failureModeAllow) {
        ObjectNode hcm = Yaml.object();
        hcm.put("@type", HCM_TYPE);
        hcm.put("stat_prefix", "palisade_ingress");
        // RFC 3986 normalization, then merged slashes: the nearest Envoy gets to PathNormalizer.
        hcm.put("normalize_path", true);
        hcm.put("merge_slashes", true);
        // PathNormalizer decodes %2F and %5C into separators; so does this, before RBAC and the app see the path.
        hcm.put("path_with_escaped_slashes_action", "UNESCAPE_AND_FORWARD");
        hcm.set("route_config", routes(workload));
        ArrayNode filters = hcm.putArray("http_filters");
        rbac.ifPresent(filters::add);
        filters.add(ExtAuthzFilter.filter(RUNTIME_CLUSTER, maxRequestBytes, failureModeAllow));
        ObjectNode router = filters.addObject();
        router.put("name", "envoy.filters.http.router");
        router.putObject("typed_config").put("@type", ROUTER_TYPE);

        ObjectNode filter = Yaml.object();
        filter.put("name", "envoy.filters.network.http_connection_manager");
        filter.set("typed_config", hcm);
        ObjectNode listener = Yaml.object();
        listener.put("name", "palisade-ingress");
        listener.set("address", socketAddress(LISTEN_ADDRESS, LISTEN_PORT));
        listener.putArray("filter_chains").addObject().putArray("filters").add(filter);
        return listener;
    }

    private static ObjectNode routes(Workload workload) {
        ObjectNode route = Yaml.object();
        route.putObject("match").put("prefix", "/");
        route.putObject("route").put("cluster", APP_CLUSTER);
        route.set("typed_per_filter_config", ExtAuthzFilter.perRoute(workload));
        ObjectNode host = Yaml.object();
        host.put("name", APP_CLUSTER);
        host.putArray("domains").add("*");
        host.putArray("routes").add(route);
        ObjectNode config = Yaml.object();
        config.put("name", APP_CLUSTER);
        config.putArray("virtual_hosts").add(host);
        return config;
    }

    private static ObjectNode cluster(String name, String address, int port, String connectTimeout) {
        ObjectNode cluster = Yaml.object();
        cluster.put("name", name);
        cluster.put("type", "STATIC");
        cluster.put("connect_timeout", connectTimeout);
        ObjectNode assignment = cluster.putObject("load_assignment");
        assignment.put("cluster_name", name);
        assignment.putArray("endpoints").addObject().putArray("lb_endpoints").addObject()
                .putObject("endpoint").set("address", socketAddress(address, port));
        return cluster;
    }

    private static ObjectNode socketAddress(String address, int port) {
        ObjectNode node = Yaml.object();
        ObjectNode socket = node.putObject("socket_address");
        socket.put("address", address);
        socket.put("port_value", port);
        return node;
    }
}
