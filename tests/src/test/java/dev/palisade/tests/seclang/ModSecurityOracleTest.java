package dev.palisade.tests.seclang;

import static dev.palisade.tests.seclang.OracleSetup.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.cli.ftw.FtwOutcome;
import dev.palisade.cli.ftw.FtwStage;
import dev.palisade.cli.ftw.FtwTest;
import dev.palisade.tests.seclang.OracleSetup.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real ModSecurity as the oracle for Palisade's WAF: the SecLang backend's output loaded by Debian's
 * nginx + libmodsecurity3, and Palisade's interpreter running the same policy in process, get the
 * same requests; their allow/deny verdicts must agree, except the disagreements listed with a
 * reason in {@code tests/conformance/modsecurity-oracle-disagreements.yaml}. Two WAFs: the www
 * example's (CRS 3.3.4 at paranoia 1, blocking) and the same CRS at paranoia 4, blocking, where
 * every CRS rule runs.
 */
@Timeout(300)
class ModSecurityOracleTest {
    private static final Path ROOT = Path.of(System.getProperty("palisade.root", "."));
    private static final Path SUITE = ROOT.resolve("../shared/crs-regression/v3.3.4");
    private static final Path KNOWN = ROOT.resolve("tests/conformance/modsecurity-oracle-disagreements.yaml");
    private static final int SAMPLE = 100;

    private static Path policies;
    private static OracleSetup www;
    private static OracleSetup paranoia4;

    @BeforeAll
    static void start() throws Exception {
        OracleSetup.assumeAvailable();
        www = OracleSetup.start(ROOT.resolve("policies-examples/www.pal"), "www");
        policies = Files.createTempDirectory("modsecurity-oracle-policies");
        Path file = policies.resolve("paranoia4.pal");
        Files.writeString(file, """
                // Every CRS 3.3.4 rule runs, and blocks at the default threshold.
                policy paranoia4 {
                  selector 'app == "paranoia4"'
                  waf {
                    mode blocking
                    crs paranoia 4
                  }
                }
                """);
        paranoia4 = OracleSetup.start(file, "paranoia4");
    }

    @AfterAll
    static void stop() throws Exception {
        try (OracleSetup first = www; OracleSetup second = paranoia4) {
            // closed by try-with-resources, null ones skipped
        } finally {
            if (policies != null) {
                try (Stream<Path> files = Files.walk(policies)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void theWwwLoginRequestsGetTheSameVerdicts() throws Exception {
        FtwStage benign = OracleSetup.request("POST", "/login.php", Optional.of("username=alice&password=correct+horse"));
        FtwStage bypass = OracleSetup.request("POST", "/login.php", Optional.of("username=' or 5=5-- &password=x"));
        assertEquals(Verdict.ALLOW, verdict(www.modSecurity.send(benign)), "ModSecurity lets a benign login through");
        assertEquals(Verdict.ALLOW, verdict(www.palisade.send(benign)), "so does Palisade");
        assertEquals(Verdict.DENY, verdict(www.modSecurity.send(bypass)), "ModSecurity blocks the login bypass");
        assertTrue(www.errorLog().contains("[id \"942100\"]"), "CRS 942100 (libinjection SQLi) is what fired");
        FtwOutcome ours = www.palisade.send(bypass);
        assertEquals(Verdict.DENY, verdict(ours), "so does Palisade");
        assertTrue(ours.firedIds().contains(942100L), () -> "Palisade fires 942100 too: " + ours.firedIds());
    }

    @Test
    void aSampleOfTheCrsRegressionSuiteGetsTheSameVerdictsAtParanoia1() throws Exception {
        compare(www, "www");
    }

    @Test
    void aSampleOfTheCrsRegressionSuiteGetsTheSameVerdictsAtParanoia4() throws Exception {
        compare(paranoia4, "paranoia-4");
    }

    private static void compare(OracleSetup setup, String name) throws Exception {
        assumeTrue(Files.isDirectory(SUITE), "skipped: the CRS regression suite is not at ../shared/crs-regression/v3.3.4");
        List<FtwTest> sample = CrsSample.tests(SUITE, SAMPLE);
        Map<String, String> known = CrsSample.known(KNOWN, name);
        CrsSample.Comparison comparison = CrsSample.compare(setup, sample, known);
        System.out.print(comparison.report(name, known));
        assertTrue(sample.size() >= SAMPLE / 2, "the sample has tests: " + sample.size());
        assertEquals(List.of(), comparison.unexplained(), "disagreements not in section `" + name + "` of " + KNOWN);
    }
}
