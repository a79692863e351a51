package dev.palisade.dsl.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SecLang mistakes are reported in the file that has them, at the line and column. */
class SecLangDiagnosticsTest {
    @TempDir
    Path directory;

    private List<Diagnostic> load(String main, String... others) throws IOException {
        for (int i = 0; i + 1 < others.length; i += 2) {
            Path file = directory.resolve(others[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, others[i + 1]);
        }
        Path file = directory.resolve("main.conf");
        Files.writeString(file, main);
        Diagnostics diagnostics = new Diagnostics();
        SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(), diagnostics);
        return diagnostics.sorted();
    }

    private static void assertOne(List<Diagnostic> diagnostics, DiagnosticCode code, String fileSuffix, int line, int column) {
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        Diagnostic diagnostic = diagnostics.get(0);
        assertEquals(code, diagnostic.code(), diagnostic.headline());
        assertTrue(diagnostic.span().file().endsWith(fileSuffix), diagnostic.headline());
        assertEquals(line + ":" + column, diagnostic.span().line() + ":" + diagnostic.span().column(), diagnostic.headline());
    }

    @Test
    void errorsInAnIncludedFileKeepItsNameAndLines() throws IOException {
        assertOne(load("Include rules/*.conf\n", "rules/a.conf", "# fine\nSecMarker A\n",
                "rules/b.conf", "\n\nSecRul ARGS \"@rx x\" \"id:1\"\n"), DiagnosticCode.UNKNOWN_DIRECTIVE, "b.conf", 3, 1);
    }

    @Test
    void includeCyclesAreDiagnosed() throws IOException {
        List<Diagnostic> diagnostics = load("Include a.conf\n", "a.conf", "SecMarker A\nInclude main.conf\n");
        assertOne(diagnostics, DiagnosticCode.INCLUDE_CYCLE, "a.conf", 2, 9);
        assertTrue(diagnostics.get(0).message().contains("main.conf → a.conf → main.conf"), diagnostics.get(0).message());
    }

    @Test
    void aMissingIncludeIsAnErrorUnlessOptional() throws IOException {
        assertOne(load("IncludeOptional nowhere.conf\nInclude missing.conf\n"), DiagnosticCode.MISSING_FILE, "main.conf", 2, 9);
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItStarts() throws IOException {
        assertOne(load("SecMarker A\nSecRule ARGS \"@rx a \"id:1\"\n"), DiagnosticCode.UNTERMINATED_STRING, "main.conf", 2, 26);
    }

    @Test
    void anUnclosedActionQuoteIsReportedInsideTheContinuedString() throws IOException {
        assertOne(load("SecRule ARGS \"@rx a\" \\\n    \"id:1,\\\n    msg:'oops\"\n"), DiagnosticCode.SYNTAX, "main.conf", 3, 5);
    }

    @Test
    void wrongArgumentCounts() throws IOException {
        assertOne(load("SecRule ARGS\n"), DiagnosticCode.WRONG_ARGUMENTS, "main.conf", 1, 1);
    }

    @Test
    void continuationsAndEscapedQuotesAreResolved() throws IOException {
        Path file = directory.resolve("main.conf");
        Files.writeString(file, "SecRule REQUEST_HEADERS:User-Agent \"@rx \\\"a\\\\d\\q\" \\\r\n  \"id:7,\\\n  phase:1,msg:'x, y'\"\n");
        Diagnostics diagnostics = new Diagnostics();
        List<SecLangStatement> statements = SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(), diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        SecLangStatement.Rule rule = (SecLangStatement.Rule) statements.get(0);
        // As Apache's config reader: \" is a quote, \\ one backslash, any other backslash stays.
        assertEquals("\"a\\d\\q", rule.operator().argument());
        assertEquals(List.of("id", "phase", "msg"), rule.actions().stream().map(SecLangStatement.ActionItem::name).toList());
        assertEquals("x, y", rule.actions().get(2).value().orElseThrow());
    }
}
