package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.request.PathNormalizer;
import dev.palisade.engine.request.Workload;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example policies' own tests ({@code test www { GET "/" -> allow ... }}) hold for the emitted
 * Envoy config: Envoy's normalization and the parsed RBAC filter take the decision each case
 * expects, bypass attempts included. And the shapes the runtime relies on are there.
 */
class EnvoyExamplesTest {

    static Stream<List<Path>> bundles() {
        return ExampleBundles.bundles().stream();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void theExamplesTestsHoldThroughEnvoysRbacFilter(List<Path> files) throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(files);
        int cases = 0;
        for (TestDecl test : example.result().unit().tests()) {
            Workload workload = workload(test, example);
            ParsedBootstrap parsed = ParsedBootstrap.parse(
                    Yaml.write(new EnvoyBackend().bootstrap(example.input(), workload, new Diagnostics())));
            for (TestDecl.TestCase testCase : test.cases()) {
                if (!testCase.expected().ruleIds().isEmpty()) {
                    continue; // the WAF decides it: the Palisade runtime behind ext_authz, not the RBAC filter
                }
                String serviceAccount = testCase.sourceServiceAccount().map(StringLiteral::value).orElse(null);
                // As `palisade test` reads it: a caller named by service account only is in the workload's namespace.
                String namespace = testCase.sourceNamespace().map(StringLiteral::value)
                        .orElse(serviceAccount == null ? null : workload.namespace());
                String principal = serviceAccount == null ? null
                        : "spiffe://" + RbacMatchers.TRUST_DOMAIN + "/ns/" + namespace + "/sa/" + serviceAccount;
                String path = EnvoyPathNormalization.normalize(PathNormalizer.toByteString(testCase.target().value()),
                        parsed.connectionManager());
                boolean allowed = path != null && RbacEvaluator.allows(parsed.rbac(),
                        new RbacEvaluator.Request(testCase.method().name(), path, principal));
                assertEquals(testCase.expected().allow(), allowed,
                        () -> test.name().text() + ": " + testCase.text() + " (Envoy's path " + path + ")");
                cases++;
            }
        }
        assertTrue(cases > 0 || files.size() == 1 && files.get(0).endsWith("platform.pal"), "no test case ran");
    }

    @Test
    void wwwChecksBodiesWithTheRuntimeAndNamesItsWorkload() throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(List.of(Path.of("policies-examples", "www.pal")));
        BuildWorkload www = example.input().workloads().get(0);
        ParsedBootstrap parsed = ParsedBootstrap.parse(
                Yaml.write(new EnvoyBackend().bootstrap(example.input(), www.workload(), new Diagnostics())));

        ExtAuthz extAuthz = parsed.extAuthz();
        assertEquals("V3", extAuthz.getTransportApiVersion().name());
        assertFalse(extAuthz.getFailureModeAllow());
        assertEquals(EnvoyBootstrap.RUNTIME_CLUSTER, extAuthz.getGrpcService().getEnvoyGrpc().getClusterName());
        assertEquals(example.input().wafs().get("www").ir().limits().bodyLimit(),
                extAuthz.getWithRequestBody().getMaxRequestBytes());
        assertFalse(extAuthz.getWithRequestBody().getAllowPartialMessage());
        assertTrue(extAuthz.getWithRequestBody().getPackAsBytes(), "the runtime reads raw_body: the bytes as sent");
        assertEquals(Map.of("palisade.labels", "app=www", "palisade.namespace", "default"),
                parsed.extAuthzPerRoute().getCheckSettings().getContextExtensionsMap());

        Cluster runtime = parsed.bootstrap().getStaticResources().getClustersList().stream()
                .filter(cluster -> cluster.getName().equals(EnvoyBootstrap.RUNTIME_CLUSTER)).findFirst().orElseThrow();
        assertTrue(runtime.getTypedExtensionProtocolOptionsOrThrow(EnvoyBootstrap.HTTP_PROTOCOL_OPTIONS)
                .unpack(HttpProtocolOptions.class).getExplicitHttpConfig().hasHttp2ProtocolOptions(), "gRPC needs HTTP/2");
        assertEquals("127.0.0.1:9192", runtimeAddress(parsed), "where the README's `serve --mode ext-authz` answers gRPC");
    }

    @Test
    void theRuntimeAddressAndFailOpenAreTheBuildsToChoose() throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(List.of(Path.of("policies-examples", "www.pal")));
        BuildWorkload www = example.input().workloads().get(0);
        ParsedBootstrap parsed = ParsedBootstrap.parse(Yaml.write(new EnvoyBackend().bootstrap(example.input(),
                www.workload(), new BuildOptions.Envoy("10.1.2.3", 7000, true), new Diagnostics())));

        assertTrue(parsed.extAuthz().getFailureModeAllow());
        assertEquals("10.1.2.3:7000", runtimeAddress(parsed));
    }

    private static String runtimeAddress(ParsedBootstrap parsed) {
        Cluster runtime = parsed.bootstrap().getStaticResources().getClustersList().stream()
                .filter(cluster -> cluster.getName().equals(EnvoyBootstrap.RUNTIME_CLUSTER)).findFirst().orElseThrow();
        SocketAddress socket = runtime.getLoadAssignment().getEndpoints(0).getLbEndpoints(0)
                .getEndpoint().getAddress().getSocketAddress();
        return socket.getAddress() + ":" + socket.getPortValue();
    }

    /** Without a WAF there is no body to send: ext_authz checks headers only. */
    @Test
    void productpageHasNoWafSoExtAuthzSendsNoBody() throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(List.of(Path.of("policies-examples", "bookinfo.pal")));
        BuildWorkload productpage = example.input().workloads().get(0);
        ParsedBootstrap parsed = ParsedBootstrap.parse(
                Yaml.write(new EnvoyBackend().bootstrap(example.input(), productpage.workload(), new Diagnostics())));

        assertFalse(parsed.extAuthz().hasWithRequestBody());
        assertEquals(Map.of("palisade.labels", "app=productpage", "palisade.namespace", "bookinfo"),
                parsed.extAuthzPerRoute().getCheckSettings().getContextExtensionsMap());
    }

    /** As {@code palisade test} picks it: the test's labels, else what the named policy selects. */
    private static Workload workload(TestDecl test, ExampleBundles.Example example) {
        Optional<IrPolicy> policy = example.input().bundle().policies().stream()
                .filter(candidate -> candidate.name().equals(test.name().text())).findFirst();
        Map<String, String> labels = test.labels()
                .or(() -> policy.flatMap(named -> SelectorWitness.find(named.selector()))).orElse(Map.of());
        String namespace = test.namespace().map(StringLiteral::value)
                .or(() -> policy.flatMap(IrPolicy::namespace)).orElse("default");
        return new Workload(labels, namespace);
    }
}
