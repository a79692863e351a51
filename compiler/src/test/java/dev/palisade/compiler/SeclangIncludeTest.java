package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SecLang a policy includes is read by `palisade check`; its mistakes point into the SecLang file. */
class SeclangIncludeTest {
    @TempDir
    Path directory;

    @Test
    void mistakesInIncludedSeclangAreReportedAtTheirOwnLine() throws IOException {
        Files.writeString(directory.resolve("legacy.conf"), "# legacy rules\nSecRule ARGS \"@rx evil\" \"id:1001,phase:2,deny\"\nSecRuleEngin On\n");
        Path policy = directory.resolve("www.pal");
        Files.writeString(policy, "policy www {\n  selector 'all()'\n  waf { seclang include \"legacy.conf\" }\n}\n");
        List<Diagnostic> diagnostics = PolicyCompiler.check(List.of(policy)).diagnostics().sorted();
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        Diagnostic error = diagnostics.get(0);
        assertEquals(DiagnosticCode.UNKNOWN_DIRECTIVE, error.code());
        assertEquals(directory.resolve("legacy.conf") + ":3:1", error.span().location());
        assertEquals("did you mean `SecRuleEngine`?", error.help().orElseThrow());
    }
}
