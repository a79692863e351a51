package dev.palisade.tests.seclang;

import static dev.palisade.tests.seclang.OracleSetup.modSecurityVerdict;
import static dev.palisade.tests.seclang.OracleSetup.palisadeVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.cli.ftw.FtwOutcome;
import dev.palisade.cli.ftw.FtwStage;
import dev.palisade.cli.ftw.FtwTest;
import dev.palisade.cli.testing.TestRequest;
import dev.palisade.cli.testing.TestWorkloads;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.Workload;
import dev.palisade.tests.seclang.OracleSetup.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        int before = www.errorLog().length();
        FtwOutcome theirs = www.modSecurity.send(benign);
        assertEquals(Verdict.ALLOW, modSecurityVerdict(theirs, www.errorLog().substring(before)),
                "ModSecurity lets a benign login through");
        assertEquals(Verdict.ALLOW, palisadeVerdict(www.palisade.send(benign)), "so does Palisade");
        before = www.errorLog().length();
        theirs = www.modSecurity.send(bypass);
        String logged = www.errorLog().substring(before);
        assertEquals(Verdict.deny(403), modSecurityVerdict(theirs, logged), "ModSecurity blocks the login bypass");
        assertTrue(logged.contains("[id \"942100\"]"), "CRS 942100 (libinjection SQLi) is what fired");
        FtwOutcome ours = www.palisade.send(bypass);
        assertEquals(Verdict.deny(403), palisadeVerdict(ours), "so does Palisade");
        assertTrue(ours.firedIds().contains(942100L), () -> "Palisade fires 942100 too: " + ours.firedIds());
    }

    /**
     * Every request of the www example's own test block (ALP aside: ModSecurity runs only the WAF
     * part), with the headers a client sends, gets the same WAF verdict in both.
     */
    @Test
    void theWwwTestBlockGetsTheSameWafVerdicts() throws Exception {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(ROOT.resolve("policies-examples/www.pal")));
        IrBundle ir = result.ir().orElseThrow();
        Map<String, String> known = CrsSample.known(KNOWN, "www-tests");
        List<String> table = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        List<String> deniedByBoth = new ArrayList<>();
        for (PolicyFile file : result.unit().files()) {
            for (TestDecl test : file.tests()) {
                Workload workload = TestWorkloads.of(test, ir);
                for (TestDecl.TestCase testCase : test.cases()) {
                    TestRequest request = TestRequest.of(testCase, workload);
                    FtwStage stage = stage(request);
                    int before = www.errorLog().length();
                    FtwOutcome modSecurity = www.modSecurity.send(stage);
                    Verdict theirs = modSecurityVerdict(modSecurity, www.errorLog().substring(before));
                    Verdict ours = palisadeVerdict(www.palisade.send(stage));
                    String name = request.describe();
                    String line = testCase.span().location() + " " + name + ": ModSecurity " + theirs + ", Palisade " + ours;
                    if (!theirs.equals(ours)) {
                        line += known.containsKey(name) ? " [known: " + known.get(name) + "]" : " [UNEXPLAINED]";
                        if (!known.containsKey(name)) {
                            unexplained.add(line);
                        }
                    } else if (theirs.kind() == Verdict.Kind.WAF_DENY) {
                        deniedByBoth.add(name);
                    }
                    table.add(line);
                }
            }
        }
        System.out.println("ModSecurity oracle, www test block:\n  " + String.join("\n  ", table));
        assertTrue(table.size() >= 20, "the www test block has its cases: " + table.size());
        assertEquals(List.of(), unexplained, "disagreements not in section `www-tests` of " + KNOWN);
        assertTrue(deniedByBoth.contains("POST \"/login.php\" body \"username=%27+or+5%3D5--+&password=x\""),
                () -> "both WAFs block the login bypass: " + deniedByBoth);
    }

    /** A test case's request as the FTW clients send it: its own headers, User-Agent and Accept added. */
    private static FtwStage stage(TestRequest request) {
        List<String> headers = new ArrayList<>();
        request.headers().forEach(header -> {
            headers.add(header.name());
            headers.add(header.value());
        });
        Optional<String> body = request.body().length == 0 ? Optional.empty()
                : Optional.of(new String(request.body(), StandardCharsets.UTF_8));
        return OracleSetup.request(request.method(), request.target(), body, headers.toArray(String[]::new));
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
