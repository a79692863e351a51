package dev.palisade.proxy.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Envoy configuration the README shows is real: {@code envoy-ext-authz.yaml} parses into
 * the Envoy API (no Envoy binary here, so not {@code envoy --mode validate}), points at the
 * ports and prefix the tests use, and every line the README quotes in its "Envoy ext_authz"
 * section is in it.
 */
class EnvoyConfigTest {

    private static String yaml() throws Exception {
        try (InputStream in = EnvoyConfigTest.class.getResourceAsStream("envoy-ext-authz.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Bootstrap bootstrap() throws Exception {
        Object tree = new ObjectMapper(new YAMLFactory()).readValue(yaml(), Object.class);
        String json = new ObjectMapper().writeValueAsString(tree);
        JsonFormat.TypeRegistry types = JsonFormat.TypeRegistry.newBuilder()
                .add(HttpConnectionManager.getDescriptor()).add(ExtAuthz.getDescriptor())
                .add(ExtAuthzPerRoute.getDescriptor()).add(Router.getDescriptor())
                .add(DownstreamTlsContext.getDescriptor()).add(HttpProtocolOptions.getDescriptor()).build();
        Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
        JsonFormat.parser().usingTypeRegistry(types).merge(json, bootstrap);
        return bootstrap.build();
    }

    private static ExtAuthz extAuthz(Listener listener) throws Exception {
        HttpConnectionManager manager = listener.getFilterChains(0).getFilters(0).getTypedConfig()
                .unpack(HttpConnectionManager.class);
        return manager.getHttpFiltersList().stream().filter(filter -> filter.getName().equals("envoy.filters.http.ext_authz"))
                .findFirst().orElseThrow().getTypedConfig().unpack(ExtAuthz.class);
    }

    @Test
    void theExampleParsesAndPointsAtPalisade() throws Exception {
        Bootstrap bootstrap = bootstrap();
        ExtAuthz http = extAuthz(bootstrap.getStaticResources().getListeners(0));
        assertEquals("/check", http.getHttpService().getPathPrefix());
        assertEquals("http://127.0.0.1:9191", http.getHttpService().getServerUri().getUri());
        assertFalse(http.getFailureModeAllow());
        assertEquals("x-palisade-", http.getHttpService().getAuthorizationResponse().getAllowedUpstreamHeaders()
                .getPatterns(0).getPrefix());

        Listener productpage = bootstrap.getStaticResources().getListeners(1);
        ExtAuthz grpc = extAuthz(productpage);
        assertEquals("palisade_grpc", grpc.getGrpcService().getEnvoyGrpc().getClusterName());
        HttpConnectionManager manager = productpage.getFilterChains(0).getFilters(0).getTypedConfig()
                .unpack(HttpConnectionManager.class);
        Map<String, String> extensions = manager.getRouteConfig().getVirtualHosts(0).getRoutes(0)
                .getTypedPerFilterConfigOrThrow("envoy.filters.http.ext_authz").unpack(ExtAuthzPerRoute.class)
                .getCheckSettings().getContextExtensionsMap();
        assertEquals(Map.of(WorkloadExtensions.LABELS, "app=productpage", WorkloadExtensions.NAMESPACE, "bookinfo"),
                extensions);
        assertTrue(productpage.getFilterChains(0).getTransportSocket().getTypedConfig()
                .unpack(DownstreamTlsContext.class).getRequireClientCertificate().getValue());
    }

    @Test
    void theReadmeQuotesTheExample() throws Exception {
        Path readme = Path.of(System.getProperty("palisade.root", "../.."), "README.md");
        String text = Files.readString(readme);
        int section = text.indexOf("## Envoy ext_authz");
        assertTrue(section >= 0, "README has no \"## Envoy ext_authz\" section");
        int end = text.indexOf("\n## ", section + 1);
        String body = text.substring(section, end < 0 ? text.length() : end);
        List<String> quoted = new ArrayList<>();
        boolean inYaml = false;
        for (String line : body.split("\n")) {
            if (line.startsWith("```")) {
                inYaml = !inYaml && line.equals("```yaml");
                continue;
            }
            if (inYaml && !line.isBlank() && !line.trim().startsWith("#") && !line.trim().equals("...")) {
                quoted.add(line.trim());
            }
        }
        assertFalse(quoted.isEmpty(), "the section quotes no yaml");
        List<String> example = yaml().lines().map(String::trim).toList();
        for (String line : quoted) {
            assertTrue(example.contains(line), "the README quotes a line the example does not have: " + line);
        }
    }
}
