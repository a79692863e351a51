package dev.palisade.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule-set checks: each mistake at its line and column; the real Core Rule Set has none. */
class SecLangRuleChecksTest {
    @TempDir
    Path directory;

    private List<Diagnostic> check(Path file) {
        Diagnostics diagnostics = new Diagnostics();
        SecLangRuleChecks.check(SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(), diagnostics),
                diagnostics);
        return diagnostics.sorted();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("missing id", "SecRule ARGS \"@rx a\" \"phase:2,deny\"\n", DiagnosticCode.WRONG_ARGUMENTS, "1:1"),
                Arguments.of("duplicate id", "SecAction \"id:5,pass\"\nSecAction \"id:5,pass\"\n",
                        DiagnosticCode.DUPLICATE_RULE_ID, "2:12"),
                Arguments.of("chain without a following rule", "SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecMarker END\n",
                        DiagnosticCode.WRONG_ARGUMENTS, "1:1"),
                Arguments.of("skipAfter to a missing marker", "SecAction \"id:1,pass,skipAfter:END-OF-IT\"\nSecMarker END\n",
                        DiagnosticCode.WRONG_ARGUMENTS, "1:22"),
                Arguments.of("unknown operator", "SecRule ARGS \"@beginsWit a\" \"id:1\"\n",
                        DiagnosticCode.UNKNOWN_OPERATOR, "1:15"),
                Arguments.of("unknown variable", "SecRule ARGZ \"@rx a\" \"id:1\"\n", DiagnosticCode.UNKNOWN_VARIABLE, "1:9"),
                Arguments.of("unknown transformation", "SecRule ARGS \"@rx a\" \"id:1,t:lowercas\"\n",
                        DiagnosticCode.UNKNOWN_TRANSFORMATION, "1:28"),
                Arguments.of("unknown phase", "SecAction \"id:1,phase:7,pass\"\n", DiagnosticCode.UNKNOWN_PHASE, "1:17"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void reportsTheMistakeWhereItIs(String name, String text, DiagnosticCode code, String position) throws IOException {
        Path file = directory.resolve("rules.conf");
        Files.writeString(file, text);
        List<Diagnostic> diagnostics = check(file);
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        assertEquals(code, diagnostics.get(0).code(), diagnostics.get(0).headline());
        assertEquals(position, diagnostics.get(0).span().line() + ":" + diagnostics.get(0).span().column(),
                diagnostics.get(0).headline());
    }

    @Test
    void theInstalledCoreRuleSetPassesEveryCheck() {
        Path loader = Path.of("/usr/share/modsecurity-crs/owasp-crs.load");
        Assumptions.assumeTrue(Files.isReadable(loader),
                "skipped: no OWASP CRS at " + loader + " (install Debian's modsecurity-crs package)");
        assertEquals(List.of(), check(loader));
    }
}
