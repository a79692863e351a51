package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's one ApplicationLayer: on for what the policies use, with one log setting. */
class ApplicationLayerResourceTest {
    @TempDir
    Path directory;

    private final Diagnostics diagnostics = new Diagnostics();

    private BuildInput compile(String source) throws IOException {
        Path file = directory.resolve("bundle.pal");
        Files.writeString(file, source);
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        assertFalse(result.diagnostics().hasErrors(), () -> result.diagnostics().sorted().toString());
        return BuildInputs.from(result, diagnostics);
    }

    private List<ObjectNode> emit(BuildInput input) {
        return ApplicationLayerResource.emit(input, BuildOptions.defaults(), diagnostics);
    }

    private List<Diagnostic> reported(DiagnosticCode code) {
        return diagnostics.sorted().stream().filter(d -> d.code() == code).toList();
    }

    @Test
    void theWwwExampleTurnsOnPoliciesTheWafAndItsLogs() {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(Path.of("policies-examples/www.pal")));
        List<ObjectNode> objects = emit(BuildInputs.from(result, diagnostics));
        assertEquals("""
                ---
                apiVersion: operator.tigera.io/v1
                kind: ApplicationLayer
                metadata:
                  name: tigera-secure
                spec:
                  applicationLayerPolicy: Enabled
                  webApplicationFirewall: Enabled
                  logCollection:
                    collectLogs: Enabled
                    logIntervalSeconds: 5
                    logRequestsPerInterval: -1
                """, Yaml.stream(objects));
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void onlyWhatThePoliciesUseIsSet() throws IOException {
        List<ObjectNode> objects = emit(compile("""
                policy api {
                    selector 'app == "api"'
                    alp { allow GET }
                }
                """));
        assertEquals(1, objects.size());
        ObjectNode spec = (ObjectNode) objects.get(0).get("spec");
        assertEquals(List.of("applicationLayerPolicy"), List.copyOf(iterable(spec)));
    }

    @Test
    void nothingWhenNoPolicyNeedsTheApplicationLayer() throws IOException {
        assertEquals(List.of(), emit(compile("""
                policy api {
                    selector 'app == "api"'
                }
                """)));
    }

    @Test
    void differingLogBlocksMergeToTheMostDetailedAndWarnAtEachBlockThatAskedOtherwise() throws IOException {
        List<ObjectNode> objects = emit(compile("""
                policy a {
                    selector 'app == "a"'
                    log { interval 10s requests-per-interval all }
                }
                policy b {
                    selector 'app == "b"'
                      log { interval 2s requests-per-interval 100 }
                }
                policy c {
                    selector 'app == "c"'
                    log { interval 2s requests-per-interval all }
                }
                """));
        ObjectNode logs = (ObjectNode) objects.get(0).path("spec").path("logCollection");
        assertEquals(2, logs.get("logIntervalSeconds").asLong());
        assertEquals(-1, logs.get("logRequestsPerInterval").asLong());
        List<Diagnostic> warnings = reported(DiagnosticCode.LOG_SETTINGS_MERGED);
        assertEquals(List.of("3:5", "7:7"), warnings.stream().map(d -> d.span().line() + ":" + d.span().column())
                .toList());
        assertTrue(warnings.stream().allMatch(d -> d.severity() == Severity.WARNING));
        assertEquals("policy `b` logs every 2s, 100 requests, but Calico's ApplicationLayer has one log setting for"
                + " the cluster: every 2s, all requests, the most detailed any policy asks for",
                warnings.get(1).message());
    }

    @Test
    void equalLogBlocksAreNotReported() throws IOException {
        emit(compile("""
                policy a {
                    selector 'app == "a"'
                    log { interval 7s requests-per-interval 10 }
                }
                policy b {
                    selector 'app == "b"'
                    log { interval 7s requests-per-interval 10 }
                }
                """));
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void theEmittedObjectIsValidForTheCrd() throws IOException {
        List<ObjectNode> objects = emit(compile("""
                policy a {
                    selector 'app == "a"'
                    alp { allow GET }
                    log { interval 30s requests-per-interval 5 }
                }
                """));
        assertEquals(List.of(), CalicoSchemas.load().problems(objects.get(0)));
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
