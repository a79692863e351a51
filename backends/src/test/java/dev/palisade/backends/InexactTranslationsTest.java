package dev.palisade.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A weaker translation is an error unless its code is accepted; one that would widen the policy always is. */
class InexactTranslationsTest {
    private static final Span LINE_4 = Span.point("www.pal", 4, 14);

    @Test
    void anAcceptableTranslationIsAnErrorSayingHowToAcceptIt() {
        Diagnostic decided = decide(DiagnosticCode.WAF_ATTACHMENT, Set.of());
        assertTrue(decided.isError());
        assertEquals(LINE_4, decided.span(), "at the policy line the backend named");
        assertEquals("the backend's message", decided.message());
        String help = decided.help().orElseThrow();
        assertTrue(help.contains("accept it with `palisade build --accept-inexact P0621`"), help);
        assertTrue(help.endsWith("; the backend's help"), help);
    }

    @Test
    void anAcceptedTranslationStaysTheBackendsWarning() {
        for (DiagnosticCode code : List.of(DiagnosticCode.WAF_ATTACHMENT, DiagnosticCode.WAF_CRS_SETTING,
                DiagnosticCode.ENVOY_PATH_SPELLINGS)) {
            Diagnostic warning = warning(code);
            assertEquals(warning, decide(code, Set.of(code)));
            assertTrue(decide(code, Set.of(otherAcceptable(code))).isError(), "accepting another code does not accept " + code);
        }
    }

    @Test
    void aTranslationThatWouldWidenThePolicyIsAlwaysAnError() {
        assertFalse(InexactTranslations.acceptable(DiagnosticCode.WAF_ROUTE_ATTACHMENT));
        Diagnostic decided = decide(DiagnosticCode.WAF_ROUTE_ATTACHMENT, Set.of(DiagnosticCode.WAF_ROUTE_ATTACHMENT));
        assertTrue(decided.isError());
        assertTrue(decided.message().startsWith("the backend's message: "), decided.message());
        assertEquals("the backend's help", decided.help().orElseThrow());
    }

    @Test
    void otherDiagnosticsPassUnchanged() {
        Diagnostic log = warning(DiagnosticCode.LOG_SETTINGS_MERGED);
        assertEquals(log, decide(log, Set.of()));
        Diagnostic error = Diagnostic.error(DiagnosticCode.ENVOY_BODY_LIMIT, LINE_4, "too large");
        assertEquals(error, decide(error, Set.of()));
    }

    @Test
    void theBuildCommandsHelpAndTheReadmeNameTheseCodes() {
        assertEquals("P0621, P0623, P0640", InexactTranslations.acceptableCodes());
    }

    @Test
    void emitReportsWhatTheBackendFoundWithTheDecidedSeverity() {
        Backend backend = new Backend() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
                diagnostics.report(warning(DiagnosticCode.ENVOY_PATH_SPELLINGS));
                diagnostics.report(warning(DiagnosticCode.LOG_SETTINGS_MERGED));
                return new BackendOutput(List.of(), List.of());
            }
        };
        Diagnostics strict = new Diagnostics();
        InexactTranslations.emit(backend, null, BuildOptions.defaults(), strict);
        assertEquals(1, strict.errorCount());
        assertEquals(2, strict.sorted().size());
        Diagnostics accepting = new Diagnostics();
        InexactTranslations.emit(backend, null, options(Set.of(DiagnosticCode.ENVOY_PATH_SPELLINGS)), accepting);
        assertFalse(accepting.hasErrors(), accepting.sorted()::toString);
        assertEquals(2, accepting.sorted().size());
    }

    private static DiagnosticCode otherAcceptable(DiagnosticCode code) {
        return code == DiagnosticCode.WAF_ATTACHMENT ? DiagnosticCode.WAF_CRS_SETTING : DiagnosticCode.WAF_ATTACHMENT;
    }

    private static Diagnostic warning(DiagnosticCode code) {
        return Diagnostic.warning(code, LINE_4, "the backend's message").withHelp("the backend's help");
    }

    private static Diagnostic decide(DiagnosticCode code, Set<DiagnosticCode> accepted) {
        return decide(warning(code), accepted);
    }

    private static Diagnostic decide(Diagnostic diagnostic, Set<DiagnosticCode> accepted) {
        return InexactTranslations.decide(diagnostic, options(accepted));
    }

    private static BuildOptions options(Set<DiagnosticCode> accepted) {
        BuildOptions defaults = BuildOptions.defaults();
        return new BuildOptions(defaults.calicoApiGroup(), defaults.staged(), defaults.runtimeImage(),
                defaults.runtimeNamespace(), defaults.envoy(), accepted);
    }
}
