package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when a policy is wrong: every error, located, with help; never a stack trace. */
class CliDiagnosticsTest {
    @TempDir
    Path directory;

    @Test
    void reportsAllErrorsWithSourceLineCaretAndHelp() throws IOException {
        Path file = directory.resolve("www.pal");
        Files.writeString(file, """
                policy www {
                    selector 'app == "www"'
                    alp {
                        allow GTE path exact "/"
                        allow GET path exact "robots.txt"
                    }
                }
                """);
        Cli result = Cli.run("check", directory.toString());
        assertEquals(1, result.exitCode(), result::toString);
        String expected = file + ":4:15: error[P0301]: unknown HTTP method `GTE`\n"
                + " 4 |         allow GTE path exact \"/\"\n"
                + "   |               ^^^\n"
                + "  = help: did you mean `GET`?\n";
        assertTrue(result.err().contains(expected), result::toString);
        assertTrue(result.err().contains(file + ":5:30: error[P0303]: path `robots.txt` does not start with `/`"), result::toString);
        assertTrue(result.err().contains("error: 2 errors, 0 warnings in 1 file"), result::toString);
        assertNoStackTrace(result);
    }

    @Test
    void aMissingWafDataFileStopsEveryCommandAtTheOperator() throws IOException {
        Path file = directory.resolve("api.pal");
        Files.writeString(file, """
                policy api {
                    selector 'app == "api"'
                    alp { allow GET path prefix "/" }
                    waf {
                        rule 1001 "bad bot" {
                            phase request-headers
                            when REQUEST_HEADERS:User-Agent @pmFromFile "bots.data"
                            deny 403
                        }
                    }
                }
                test api {
                    GET "/" header "User-Agent" = "evilbot" -> deny 403 rule 1001
                }
                """);
        for (String command : new String[] {"check", "compile", "test", "build"}) {
            Cli result = command.equals("build")
                    ? Cli.run("build", directory.toString(), "--backend", "seclang", "-o", directory.resolve("out").toString())
                    : Cli.run(command, directory.toString());
            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(result.err().contains(file + ":7:58: error[P0514]: data file `bots.data` of `@pmFromFile` cannot"
                    + " be read"), result::toString);
            assertNoStackTrace(result);
        }
        Files.writeString(directory.resolve("bots.data"), "evilbot\n");
        Cli passing = Cli.run("test", directory.toString());
        assertEquals(0, passing.exitCode(), passing::toString);
    }

    @Test
    void binaryInputIsAnErrorNotACrash() throws IOException {
        Files.write(directory.resolve("image.pal"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Cli result = Cli.run("check", directory.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("error[P0002]"), result::toString);
        assertNoStackTrace(result);
    }

    @Test
    void missingPathIsAUsageError() {
        Cli result = Cli.run("check", directory.resolve("nowhere").toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("no such file or directory"), result::toString);
    }

    private static void assertNoStackTrace(Cli result) {
        assertFalse(result.err().contains("Exception"), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
    }
}
