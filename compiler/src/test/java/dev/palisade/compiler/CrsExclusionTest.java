package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exclusions are checked against the rule ids of the installed Core Rule Set (Debian's
 * {@code modsecurity-crs}, which {@code .ci/run} installs).
 */
class CrsExclusionTest {
    private static final Path CRS = Path.of("/usr/share/modsecurity-crs/rules");

    @TempDir
    Path directory;

    @BeforeEach
    void needsTheCoreRuleSet() {
        Assumptions.assumeTrue(Files.isDirectory(CRS),
                "skipped: no OWASP CRS at " + CRS + " (install Debian's modsecurity-crs package)");
    }

    private List<Diagnostic> check(String exclusion) throws IOException {
        Path file = directory.resolve("waf.pal");
        Files.writeString(file, "policy www {\n  selector 'all()'\n  waf {\n    crs paranoia 1\n    " + exclusion + "\n  }\n}\n");
        return PolicyCompiler.check(List.of(file)).diagnostics().sorted();
    }

    @Test
    void excludingARealCrsRuleIsFine() throws IOException {
        assertEquals(List.of(), check("exclude rule 942100 for ARGS:password on path prefix \"/login\""));
    }

    @Test
    void excludingARuleTheCrsDoesNotHaveIsAnError() throws IOException {
        List<Diagnostic> diagnostics = check("exclude rule 942999");
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        assertEquals(DiagnosticCode.UNKNOWN_RULE_ID, diagnostics.get(0).code());
        assertEquals("5:18", diagnostics.get(0).span().line() + ":" + diagnostics.get(0).span().column());
        assertTrue(diagnostics.get(0).message().contains("942999"));
    }
}
