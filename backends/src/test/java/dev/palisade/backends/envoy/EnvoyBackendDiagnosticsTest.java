package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What Envoy cannot express as Palisade means it is said, at the policy line that needs it. */
class EnvoyBackendDiagnosticsTest {
    private static final Workload APP_A = new Workload(Map.of("app", "a"), "ns1");

    @Test
    void aPathWithCharactersEnvoyKeepsEscapedIsMatchedInEnvoysSpellingWithAWarning() throws Exception {
        IrBundle ir = compile("""
                policy p {
                    selector 'app == "a"'
                    alp {
                        allow GET path prefix "/a"
                        allow GET path exact "/é", exact "/b"
                    }
                }
                """);
        Diagnostics diagnostics = new Diagnostics();
        String yaml = Yaml.write(new EnvoyBackend().bootstrap(input(ir, Map.of()), APP_A, diagnostics));

        List<Diagnostic> reported = diagnostics.sorted();
        assertEquals(1, reported.size(), reported::toString);
        Diagnostic warning = reported.get(0);
        assertEquals(DiagnosticCode.ENVOY_PATH_SPELLINGS, warning.code());
        assertFalse(warning.isError());
        assertEquals(5, warning.span().line());
        assertTrue(warning.message().contains("`/é`") && warning.message().contains("`/%C3%A9`"), warning.message());
        assertTrue(yaml.contains("exact: /%C3%A9"), yaml);
        // Envoy sees a request for /é as /%C3%A9 (it escapes the raw bytes), which the rule matches.
        ParsedBootstrap parsed = ParsedBootstrap.parse(yaml);
        String path = EnvoyPathNormalization.normalize(dev.palisade.engine.request.PathNormalizer.toByteString("/é"),
                parsed.connectionManager());
        assertTrue(RbacEvaluator.allows(parsed.rbac(), new RbacEvaluator.Request("GET", path, null)));
    }

    @Test
    void aBodyLimitEnvoyCannotBufferIsAnErrorAtThePolicy() {
        IrBundle ir = compile("""
                policy p {
                    selector 'app == "a"'
                    alp { allow GET }
                }
                """);
        IrWaf waf = new IrWaf(EngineMode.ON, new WafLimits(true, 5_000_000_000L, 131_072, '&', 1000, 512), List.of());
        Diagnostics diagnostics = new Diagnostics();
        new EnvoyBackend().bootstrap(input(ir, Map.of("p", new PolicyWaf("p", waf, EngineMode.ON, Optional.empty()))),
                APP_A, diagnostics);

        List<Diagnostic> reported = diagnostics.sorted();
        assertEquals(1, reported.size(), reported::toString);
        assertEquals(DiagnosticCode.ENVOY_BODY_LIMIT, reported.get(0).code());
        assertTrue(reported.get(0).isError());
        assertEquals(1, reported.get(0).span().line());
    }

    @Test
    void withoutAnAlpPolicyThereIsNoRbacFilterAndEveryRequestPassesToTheRuntime() throws Exception {
        IrBundle ir = compile("""
                policy p {
                    selector 'app == "a"'
                }
                policy q {
                    selector 'app == "b"'
                    alp { allow GET }
                }
                """);
        Diagnostics diagnostics = new Diagnostics();
        ParsedBootstrap parsed = ParsedBootstrap.parse(Yaml.write(new EnvoyBackend().bootstrap(input(ir, Map.of()), APP_A, diagnostics)));

        assertTrue(diagnostics.sorted().isEmpty());
        assertEquals(List.of("envoy.filters.http.ext_authz", "envoy.filters.http.router"), parsed.filterNames());
    }

    private static BuildInput input(IrBundle ir, Map<String, PolicyWaf> wafs) {
        return new BuildInput(ir, wafs, Map.of(), List.of(), Map.of());
    }

    private static IrBundle compile(String source) {
        return PolicySources.ir(source)
                .orElseThrow(() -> new AssertionError("does not compile:\n" + source));
    }
}
