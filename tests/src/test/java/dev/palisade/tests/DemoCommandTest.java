package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade demo}: real sockets on 127.0.0.1, the example policies, the seed requests. */
class DemoCommandTest {

    private static void assertLine(Cli result, String... columns) {
        String regex = "(?m)^" + String.join(" +", java.util.Arrays.stream(columns).map(Pattern::quote).toList());
        assertTrue(Pattern.compile(regex).matcher(result.out()).find(),
                () -> "no line " + String.join(" | ", columns) + " in\n" + result);
    }

    @Test
    void replaysTheSeedScenariosThroughTheProxy() {
        Cli result = Cli.run("demo");
        assertEquals(0, result.exitCode(), result::toString);
        assertLine(result, "productpage", "OPTIONS", "/productpage", "403", "deny by default of tier default");
        assertLine(result, "productpage", "GET", "/productpage", "200",
                "allow by policy productpage rule 1 (policies-examples/bookinfo.pal:8:9)");
        assertLine(result, "www", "GET", "/robots.txt", "200",
                "allow by policy www rule 1 (policies-examples/www.pal:6:9)");
        assertLine(result, "www", "GET", "/.git/HEAD", "403", "deny by policy www rule 3 (policies-examples/www.pal:8:9)");
        assertLine(result, "www", "GET", "/robots.txt/..;/passwords", "403", "deny by default of tier default");
        assertLine(result, "www", "GET", "//passwords", "403");
        assertLine(result, "www", "POST", "/login.php", "200", "allow by policy www rule 2 (policies-examples/www.pal:7:9)");
        assertLine(result, "www", "POST", "/login.php", "403", "deny by the WAF: rules 942100, 949110");
        assertTrue(result.out().contains("\n20 requests: 4 allowed and forwarded, 16 denied, 0 errors\n"),
                result::toString);
        assertTrue(!result.out().contains("\"request_id\""), () -> "decision log lines on stdout:\n" + result);
    }

    @Test
    void expectationsComeFromThePoliciesGiven(@TempDir Path directory) throws IOException {
        // www allows everything here: the enumeration is forwarded, and that is what the policy says.
        Files.writeString(directory.resolve("open.pal"), """
                policy www {
                    selector 'app == "www"'
                    alp { allow GET, POST }
                }
                """);
        Cli result = Cli.run("demo", "--policies", directory.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertLine(result, "www", "GET", "/robots.txt/..;/passwords", "200", "allow by policy www rule 1");
        assertLine(result, "productpage", "OPTIONS", "/productpage", "200", "allow: no ALP policy selects the workload");
        assertTrue(result.out().contains("\n20 requests: 20 allowed and forwarded, 0 denied, 0 errors\n"),
                result::toString);
    }

    @Test
    void policiesWithErrorsStartNothing(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("broken.pal"), "policy broken { alp { allow BREW } }\n");
        Cli result = Cli.run("demo", "--policies", directory.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("unknown HTTP method `BREW`"), result::toString);
        assertEquals("", result.out(), result::toString);
    }
}
