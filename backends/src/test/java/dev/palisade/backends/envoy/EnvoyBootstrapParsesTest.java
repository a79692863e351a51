package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every bootstrap the backend emits for the example policies (each file alone and all together)
 * is one Envoy accepts field by field: it parses into {@code Bootstrap} with unknown fields
 * refused, one file per workload at {@code <namespace>/<workload>.yaml}, the same bytes each time.
 */
class EnvoyBootstrapParsesTest {

    static Stream<List<Path>> bundles() {
        return ExampleBundles.bundles().stream();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyEmittedBootstrapParsesIntoEnvoysProtobuf(List<Path> files) throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(files);
        Diagnostics diagnostics = new Diagnostics();
        BackendOutput output = new EnvoyBackend().emit(example.input(), BuildOptions.defaults(), diagnostics);

        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        assertTrue(output.objects().isEmpty());
        List<String> expectedPaths = example.input().workloads().stream()
                .map(workload -> workload.workload().namespace() + "/" + workload.name() + ".yaml").toList();
        assertEquals(expectedPaths, output.files().stream().map(BackendOutput.OutputFile::path).toList());
        assertFalse(expectedPaths.isEmpty());
        for (BackendOutput.OutputFile file : output.files()) {
            ParsedBootstrap parsed = ParsedBootstrap.parse(file.text());
            assertEquals(List.of(), parsed.violations(), file.path());
            assertEquals(List.of("envoy.filters.http.rbac", "envoy.filters.http.ext_authz", "envoy.filters.http.router"),
                    parsed.filterNames(), file.path());
        }
        assertEquals(output, new EnvoyBackend().emit(example.input(), BuildOptions.defaults(), new Diagnostics()),
                "output must be the same byte for byte");
    }

    /** The constraint check above must be able to fail too: a zero timeout and an empty set break Envoy's rules. */
    @Test
    void aConfigBreakingEnvoysValidationRulesIsCaught() throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(List.of(Path.of("policies-examples", "www.pal")));
        String yaml = new EnvoyBackend().emit(example.input(), BuildOptions.defaults(), new Diagnostics()).files().get(0).text();
        assertEquals(List.of(), ParsedBootstrap.parse(yaml).violations());

        String zeroTimeout = yaml.replace("connect_timeout: 1s", "connect_timeout: 0s");
        assertEquals(List.of(".static_resources.clusters[0].connect_timeout: duration 0s is out of bounds"),
                ParsedBootstrap.parse(zeroTimeout).violations());
        String noStatPrefix = yaml.replace("stat_prefix: palisade_ingress", "stat_prefix: \"\"");
        assertEquals(1, ParsedBootstrap.parse(noStatPrefix).violations().size(), noStatPrefix);
        String noBodyLimit = yaml.replace("max_request_bytes: 13107200", "max_request_bytes: 0");
        assertEquals(1, ParsedBootstrap.parse(noBodyLimit).violations().size());
    }

    /** The parse above would prove nothing if it accepted anything: a typo must fail it. */
    @Test
    void aMisspelledFieldIsRefused() throws Exception {
        ExampleBundles.Example example = ExampleBundles.compile(List.of(Path.of("policies-examples", "www.pal")));
        BuildWorkload www = example.input().workloads().get(0);
        String yaml = new EnvoyBackend().emit(example.input(), BuildOptions.defaults(), new Diagnostics()).files().get(0).text();
        ParsedBootstrap.parse(yaml);

        for (String[] typo : new String[][] {
                {"merge_slashes:", "merge_slashs:"},             // in the connection manager (an Any)
                {"principals:", "principal:"},                   // in the RBAC filter (an Any in an Any)
                {"failure_mode_allow:", "failure_mode_alow:"},   // in ext_authz
                {"connect_timeout:", "connect_timout:"}}) {      // in the bootstrap itself
            assertTrue(yaml.contains(typo[0]), typo[0]);
            String misspelled = yaml.replace(typo[0], typo[1]);
            assertThrows(InvalidProtocolBufferException.class, () -> ParsedBootstrap.parse(misspelled),
                    () -> typo[1] + " in " + www.name());
        }
    }
}
