package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled examples check, compile and pass their own tests, as the README shows. */
class ExamplesTest {
    @Test
    void examplesPassTheirTests() {
        Cli result = Cli.run("test", "policies-examples");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains(" passed, 0 failed, 0 skipped"), result::toString);
        assertTrue(result.out().contains("PASS  GET \"/robots.txt/..;/passwords\" -> deny 403"), result::toString);
        assertEquals("", result.err(), "no warnings in the examples");
    }

    @Test
    void checkSaysOk() {
        Cli result = Cli.run("check", "policies-examples");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("ok: 3 files, 4 policies, 3 tests"), result::toString);
    }

    @Test
    void aFailingExpectationFailsTheRun(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("www.pal"), """
                policy www {
                    selector 'app == "www"'
                    alp { allow GET path exact "/" }
                }
                test www {
                    GET "/" -> allow
                    GET "/admin" -> allow
                }
                """);
        Cli result = Cli.run("test", directory.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("FAIL  GET \"/admin\" -> allow"), result::toString);
        assertTrue(result.out().contains("expected allow, got deny 403 by default of tier default"), result::toString);
        assertTrue(result.out().contains("1 passed, 1 failed, 0 skipped"), result::toString);
    }

    @Test
    void examplesAreFormatted() {
        Cli result = Cli.run("fmt", "--check", "policies-examples");
        assertEquals(0, result.exitCode(), result::toString);
    }

    @Test
    void fmtRewritesAFileAndKeepsItsComments(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
        Path file = directory.resolve("www.pal");
        Files.writeString(file, "policy www{selector 'all()'   // every workload\r\nalp{allow GET}}");
        Cli result = Cli.run("fmt", file.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("""
                policy www {
                    selector 'all()' // every workload
                    alp {
                        allow GET
                    }
                }
                """, Files.readString(file));
        assertEquals(0, Cli.run("fmt", "--check", file.toString()).exitCode());
    }
}
