package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.backends.BuildInput;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.request.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How path conditions read in Envoy's normalized path, written out: whole segments, the trailing
 * slash and matrix parameters on the last segment that Envoy keeps and Palisade drops. Some of
 * these requests are outside the differential property's domain (parameters before the last
 * segment), so they are pinned here.
 */
class EnvoyRbacPathsTest {
    private static final IrBundle BUNDLE = PolicySources.ir("""
            policy exact {
                selector 'app == "exact"'
                alp { allow GET path exact "/a" }
            }
            policy prefix {
                selector 'app == "prefix"'
                alp { allow GET path prefix "/a" }
            }
            """).orElseThrow();

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "exact  | /a            | allow",
            "exact  | /a/           | allow",
            "exact  | /a;x=1        | allow",
            "exact  | /a;x=1/       | allow",
            "exact  | /a;x;y        | allow",
            "exact  | /a;x=1/b      | deny",    // Palisade reads /a/b
            "exact  | /a/b          | deny",
            "exact  | /ab           | deny",
            "exact  | /ab;x         | deny",
            "prefix | /a            | allow",
            "prefix | /a;x=1/b      | allow",   // Palisade reads /a/b
            "prefix | /a/b;x=1      | allow",
            "prefix | /ab           | deny",
            "prefix | /ab;x/a       | deny"})
    void pathConditionsMatchWholeSegments(String app, String target, String expected) throws Exception {
        BuildInput input = new BuildInput(BUNDLE, Map.of(), Map.of(), List.of(), Map.of());
        ParsedBootstrap parsed = ParsedBootstrap.parse(Yaml.write(
                new EnvoyBackend().bootstrap(input, new Workload(Map.of("app", app), "ns1"), new Diagnostics())));
        String path = EnvoyPathNormalization.normalize(target, parsed.connectionManager());
        boolean allowed = RbacEvaluator.allows(parsed.rbac(), new RbacEvaluator.Request("GET", path, null));
        assertEquals(expected.equals("allow"), allowed, () -> app + " " + target + " as " + path);
    }
}
