package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FtwCommandTest {
    /** Two tests: 942100-1 fires with the fake engine, 942100-2 expects a rule it never fires. */
    static final String SUITE = """
            rule_id: 942100
            tests:
              - test_id: 1
                stages:
                  - input:
                      headers: {Host: localhost}
                      uri: /?q=select
                    output:
                      log:
                        expect_ids: [942100]
              - test_id: 2
                stages:
                  - input:
                      headers: {Host: localhost}
                      uri: /?q=1
                    output:
                      log:
                        expect_ids: [942100]
            """;

    record Run(int code, String out, String err) {}

    static Run ftw(FtwEngines engines, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new FtwCommand(engines)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "ftw";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), command);
        return new Run(code, out.toString(), err.toString());
    }

    static final FtwEngines FAKE = policy -> FtwRunnerTest.ENGINE;

    @Test
    void aPolicyWithoutAWafBlockIsAUsageErrorThatSaysSo(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("942100.yaml"), SUITE);
        Path policy = Files.writeString(folder.resolve("www.pal"), "policy www {\n  selector 'app == \"www\"'\n"
                + "  alp {\n    allow GET\n  }\n}\n");
        Run run = main(folder.resolve("942100.yaml").toString(), "--policy", policy.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("no policy in this file has a waf block"), run.err());
    }

    @Test
    void failuresAreListedWithReasonsAndTheLastLineCounts(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("942100.yaml"), SUITE);
        Path failures = folder.resolve("failures.txt");
        Path junit = folder.resolve("ftw.xml");
        Run run = ftw(FAKE, folder.toString(), "--failures", failures.toString(), "--junit", junit.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("942100.yaml: 1 passed, 1 failed, 0 skipped"), run.out());
        assertTrue(run.out().contains("FAIL 942100-2 (942100.yaml): expected 942100, fired [920100]"), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals("ftw: 1/2 passed (1 failed, 0 skipped)", lines.get(lines.size() - 1));
        assertEquals(List.of("942100-2\t942100.yaml\texpected 942100, fired [920100]"), Files.readAllLines(failures));
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuite name=\"942100.yaml\" tests=\"2\" failures=\"1\" skipped=\"0\">"), xml);
        assertTrue(xml.contains("<failure message=\"expected 942100, fired [920100]\"/>"), xml);
        assertEquals(0, ftw(FAKE, folder.toString(), "--include", "-1$").code());
    }

    @Test
    void theBaselineRatchets(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("942100.yaml"), SUITE);
        Path baseline = folder.resolve("ftw-baseline.properties");
        Files.writeString(baseline, "# tests passing in process\npassed=1\n");
        assertEquals(0, ftw(FAKE, folder.toString(), "--baseline", baseline.toString()).code());
        Files.writeString(baseline, "passed=2\n");
        Run below = ftw(FAKE, folder.toString(), "--baseline", baseline.toString());
        assertEquals(1, below.code());
        assertTrue(below.err().contains("1 passed, below the baseline of 2"), below.err());
        Files.writeString(baseline, "passed=0\n");
        Run above = ftw(FAKE, folder.toString(), "--baseline", baseline.toString());
        assertEquals(0, above.code());
        assertTrue(above.out().contains("hint: 1 passed, above the baseline of 0: raise it with `passed=1`"), above.out());
        List<String> lines = above.out().lines().toList();
        assertEquals("ftw: 1/2 passed (1 failed, 0 skipped)", lines.get(lines.size() - 1));
        Files.writeString(baseline, "pass=3\n");
        assertEquals(2, ftw(FAKE, folder.toString(), "--baseline", baseline.toString()).code());
    }

    @Test
    void aMalformedFileIsReportedTheOthersRunAndTheExitIs2(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("942100.yaml"), SUITE);
        Files.writeString(folder.resolve("broken.yaml"), "rule_id: 1\ntests: [\n");
        Run run = ftw(FAKE, folder.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("broken.yaml:"), run.err());
        assertTrue(run.out().contains("ftw: 1/2 passed"), run.out());
        assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
    }

    @Test
    void usageErrorsExit2(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("942100.yaml"), SUITE);
        assertEquals(2, ftw(FAKE, folder.resolve("missing").toString()).code());
        assertEquals(2, ftw(FAKE, folder.toString(), "--include", "((").code());
        assertEquals(2, main(folder.toString(), "--target", "http://192.0.2.1:80").code());
        assertEquals(2, main(folder.toString(), "--target", "ftp://127.0.0.1").code());
        assertEquals(2, main(folder.toString(), "--target", "http://127.0.0.1:1", "--policy", "p.pal").code());
        Path overrides = Files.writeString(folder.resolve("o.yml"), "test_overrides:\n  - rule_id: 942100\n");
        Run noReason = ftw(FAKE, folder.resolve("942100.yaml").toString(), "--overrides", overrides.toString());
        assertEquals(2, noReason.code());
        assertTrue(noReason.err().contains("every override needs a `reason`"), noReason.err());
    }

    @Test
    void overTheWireAgainstARealServer(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("942100.yaml"), SUITE);
        try (TinyServer server = new TinyServer(head -> head.contains("select")
                ? "HTTP/1.1 200 OK\r\nX-Palisade-Waf-Rules: 942100\r\nConnection: close\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nX-Palisade-Waf-Rules: \r\nConnection: close\r\n\r\n")) {
            Path overrides = Files.writeString(folder.resolve("o.yml"),
                    "test_overrides:\n  - rule_id: 942100\n    test_ids: [2]\n    reason: not yet\n    expect_failure: true\n");
            Run run = main(folder.resolve("942100.yaml").toString(), "--target", server.uri().toString(),
                    "--overrides", overrides.toString());
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().endsWith("ftw: 1/2 passed (0 failed, 1 skipped)" + System.lineSeparator()), run.out());
            assertTrue(server.requests().get(0).startsWith("GET /?q=select HTTP/1.1\r\n"), server.requests().get(0));
        }
    }

    @Test
    void crsV4IsTheInProcessEngineAndSaysWhatItNeeds(@TempDir Path folder) throws Exception {
        Path suite = Files.writeString(folder.resolve("942100.yaml"), SUITE);
        Run notARelease = main(suite.toString(), "--crs-v4", folder.toString());
        assertEquals(2, notARelease.code(), notARelease.err());
        assertTrue(notARelease.err().contains("not a CRS v4 release"), notARelease.err());
        Run withPolicy = main(suite.toString(), "--crs-v4", folder.toString(), "--policy", suite.toString());
        assertEquals(2, withPolicy.code(), withPolicy.err());
        assertTrue(withPolicy.err().contains("--crs-v4 is the in-process engine"), withPolicy.err());
        Run withTarget = main(suite.toString(), "--crs-v4", folder.toString(), "--target", "http://127.0.0.1:1");
        assertEquals(2, withTarget.code(), withTarget.err());
    }

    @Test
    void crsV4RunsTheReleaseAtTheSuitesSetup(@TempDir Path folder) throws Exception {
        Path release = folder.resolve("crs");
        Files.createDirectories(release.resolve("rules"));
        Files.writeString(release.resolve("crs-setup.conf.example"), "");
        // Logs only when the suite's setup reached the rules: detection paranoia 4 and ARG_LENGTH 400.
        Files.writeString(release.resolve("rules/REQUEST-942-TEST.conf"),
                "SecRule TX:DETECTION_PARANOIA_LEVEL \"@eq 4\" \"id:942100,phase:2,pass,log,chain\"\n"
                        + "  SecRule TX:ARG_LENGTH \"@eq 400\" \"chain\"\n"
                        + "  SecRule ARGS:q \"@streq select\" \"t:none\"\n");
        Path suite = Files.writeString(folder.resolve("942100.yaml"), SUITE);
        Run run = main(suite.toString(), "--crs-v4", release.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().strip().endsWith("ftw: 1/2 passed (1 failed, 0 skipped)"), run.out());
    }
}
