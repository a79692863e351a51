package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OWASP CRS v4.28.0 regression suite (5,003 tests, go-ftw format) through
 * {@code palisade ftw --crs-v4}, in process against the release in {@code ../shared/crs-rules/v4.28.0}
 * at the suite's own setup (detection only, blocking paranoia 4, response bodies of text types and
 * JSON, ARG_LENGTH 400, TOTAL_ARG_LENGTH 6400, MAX_FILE_SIZE 64100, COMBINED_FILE_SIZES 65535), with
 * the response rules answered by the in-process albedo. The committed baseline holds the pass count;
 * the overrides file lists every expected deviation with its reason. Failures go to
 * {@code tests/target/crs-v4-failures.txt}.
 */
class CrsV4RegressionTest {

    private static final Path ROOT = Path.of(System.getProperty("palisade.root", "."));
    private static final Path SHARED = ROOT.resolve("../shared");

    @Test
    void theSuitePassesAtLeastTheBaseline() throws Exception {
        Path suite = SHARED.resolve("crs-regression/v4");
        Path release = SHARED.resolve("crs-rules/v4.28.0");
        assumeTrue(Files.isDirectory(suite),
                "skipped: the CRS v4 regression suite is not at ../shared/crs-regression/v4 (see README: Conformance)");
        assumeTrue(Files.isDirectory(release.resolve("rules")),
                "skipped: the CRS v4.28.0 release is not at ../shared/crs-rules/v4.28.0");
        Path conformance = ROOT.resolve("tests/conformance");
        Path failures = ROOT.resolve("tests/target/crs-v4-failures.txt");
        Files.createDirectories(failures.getParent());
        Cli run = Cli.run("ftw", suite.toString(), "--crs-v4", release.toString(),
                "--overrides", conformance.resolve("crs-v4-overrides.yaml").toString(),
                "--baseline", conformance.resolve("crs-v4.baseline").toString(),
                "--failures", failures.toString());
        String summary = run.out().strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("CRS v4 regression suite: " + summary);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(summary.matches("ftw: \\d+/5003 passed \\(0 failed, \\d+ skipped\\)"), summary);
    }

    /** The same release through a policy's waf block, as {@code palisade serve} would run it. */
    @Test
    void aPolicyWithAV4WafBlockRunsTheSuite(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path suite = SHARED.resolve("crs-regression/v4");
        Path release = SHARED.resolve("crs-rules/v4.28.0");
        assumeTrue(Files.isDirectory(suite) && Files.isDirectory(release.resolve("rules")),
                "skipped: the CRS v4 release or its regression suite is not in ../shared");
        Path policy = Files.writeString(directory.resolve("v4.pal"), "policy www {\n  selector 'all()'\n  waf {\n"
                + "    mode detection\n    crs version 4 dir \"" + release.toAbsolutePath().normalize() + "\"\n"
                + "        blocking-paranoia 4 detection-paranoia 4\n  }\n}\n");
        Cli run = Cli.run("ftw", suite.resolve("REQUEST-942-APPLICATION-ATTACK-SQLI").toString(),
                "--policy", policy.toString(), "--include", "^94210[01]-");
        String summary = run.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(summary.matches("ftw: (\\d+)/\\1 passed \\(0 failed, 0 skipped\\)"), summary);
    }
}
