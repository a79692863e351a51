package dev.palisade.backends.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.palisade.backends.Yaml;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.List;
import java.util.Optional;

/**
 * An emitted bootstrap read back the way Envoy reads it: YAML → JSON → Envoy's protobuf messages,
 * with every {@code typed_config} type known and unknown fields refused (no
 * {@code ignoringUnknownFields}), so a misspelled field fails here as it would fail Envoy. Public for
 * the end-to-end tests, which read the emitted bootstraps as Envoy would.
 */
public record ParsedBootstrap(Bootstrap bootstrap) {
    /** Every {@code @type} the Envoy backend emits. */
    static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
            .add(HttpConnectionManager.getDescriptor())
            .add(RBAC.getDescriptor())
            .add(ExtAuthz.getDescriptor())
            .add(ExtAuthzPerRoute.getDescriptor())
            .add(Router.getDescriptor())
            .add(HttpProtocolOptions.getDescriptor())
            .build();

    public static ParsedBootstrap parse(String yaml) throws InvalidProtocolBufferException {
        List<JsonNode> documents = Yaml.readStream(yaml);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, got " + documents.size());
        }
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(documents.get(0));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Bootstrap.Builder builder = Bootstrap.newBuilder();
        JsonFormat.parser().usingTypeRegistry(TYPES).merge(json, builder);
        return new ParsedBootstrap(builder.build());
    }

    /** The protoc-gen-validate constraints Envoy checks on load that this config breaks (see {@link ValidationRules}). */
    List<String> violations() {
        return ValidationRules.violations(bootstrap, TYPES);
    }

    HttpConnectionManager connectionManager() {
        return unpack(bootstrap.getStaticResources().getListeners(0).getFilterChains(0).getFilters(0).getTypedConfig(),
                HttpConnectionManager.class);
    }

    List<String> filterNames() {
        return connectionManager().getHttpFiltersList().stream().map(HttpFilter::getName).toList();
    }

    /** The RBAC filter's config, absent when the bootstrap has no RBAC filter. */
    Optional<RBAC> rbac() {
        return filter("envoy.filters.http.rbac").map(filter -> unpack(filter.getTypedConfig(), RBAC.class));
    }

    public ExtAuthz extAuthz() {
        return unpack(filter("envoy.filters.http.ext_authz").orElseThrow().getTypedConfig(), ExtAuthz.class);
    }

    public ExtAuthzPerRoute extAuthzPerRoute() {
        return unpack(connectionManager().getRouteConfig().getVirtualHosts(0).getRoutes(0)
                .getTypedPerFilterConfigOrThrow("envoy.filters.http.ext_authz"), ExtAuthzPerRoute.class);
    }

    private Optional<HttpFilter> filter(String name) {
        return connectionManager().getHttpFiltersList().stream().filter(filter -> filter.getName().equals(name)).findFirst();
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException wrongType) {
            throw new AssertionError("typed_config is not a " + type.getSimpleName() + ": " + any.getTypeUrl(), wrongType);
        }
    }
}
