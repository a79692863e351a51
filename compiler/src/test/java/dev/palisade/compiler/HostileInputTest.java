package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not policies at all: the compiler answers with a diagnostic, not a crash. */
class HostileInputTest {
    @TempDir
    Path directory;

    private Diagnostic firstError(byte[] content) throws IOException {
        Path file = directory.resolve("hostile.pal");
        Files.write(file, content);
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        return result.diagnostics().sorted().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    }

    @Test
    void binaryGarbageIsNotText() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 'p';
        garbage[1] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        garbage[2] = 'x';
        Diagnostic error = firstError(garbage);
        assertEquals(DiagnosticCode.NOT_TEXT, error.code());
        assertEquals("1:2", error.span().line() + ":" + error.span().column());
    }

    @Test
    void nulBytesMeanBinary() throws IOException {
        Diagnostic error = firstError("policy a {\n  \0\0\0 }".getBytes(StandardCharsets.UTF_8));
        assertEquals(DiagnosticCode.NOT_TEXT, error.code());
        assertEquals("2:3", error.span().line() + ":" + error.span().column());
    }

    @Test
    void tenMegabytesAreRefusedBeforeParsing() throws IOException {
        byte[] huge = ("policy a { selector 'all()' }\n".repeat(10 * 1024 * 1024 / 30)).getBytes(StandardCharsets.UTF_8);
        Diagnostic error = firstError(huge);
        assertEquals(DiagnosticCode.FILE_TOO_LARGE, error.code());
        assertEquals("1:1", error.span().line() + ":" + error.span().column());
    }

    @Test
    void deeplyNestedBracesGiveADiagnosticNotAStackOverflow() throws IOException {
        String nested = "policy a { selector 'all()' x " + "{".repeat(200_000) + "}".repeat(200_000) + " }";
        Diagnostic error = firstError(nested.getBytes(StandardCharsets.UTF_8));
        assertEquals(DiagnosticCode.NESTING_TOO_DEEP, error.code());
    }

    @Test
    void aFileOfErrorsStopsAtTheCap() throws IOException {
        Path file = directory.resolve("many.pal");
        Files.writeString(file, "policy a { selector 'all()' alp { allow GTE } }\n".repeat(5000)
                .replace("policy a", "policy b"));
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        assertTrue(result.diagnostics().sorted().size() <= Diagnostics.MAX_ERRORS + 1);
        assertTrue(result.diagnostics().hasErrors());
    }

    @Test
    void aLargeValidFileCompiles() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("policy p").append(i).append(" { selector 'app == \"a").append(i)
                    .append("\"' alp { allow GET path prefix \"/api/").append(i).append("\" } }\n");
        }
        Path file = directory.resolve("large.pal");
        Files.writeString(file, text);
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        assertTrue(result.ir().isPresent(), () -> result.diagnostics().sorted().toString());
        assertEquals(3000, result.ir().get().policies().size());
    }
}
