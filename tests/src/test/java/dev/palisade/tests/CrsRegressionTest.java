package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OWASP CRS 3.3.4 regression suite through {@code palisade ftw}, in process against Debian's
 * CRS at the suite's own setup (paranoia 4, detection only), with Debian's backported tests for the
 * rules it patched. The committed baseline holds the pass count; the overrides file lists every
 * expected deviation with its reason. Failures go to {@code tests/target/crs-3.3.4-failures.txt}.
 */
class CrsRegressionTest {

    private static final Path ROOT = Path.of(System.getProperty("palisade.root", "."));
    private static final Path SUITE = ROOT.resolve("../shared/crs-regression");

    @Test
    void theSuitePassesAtLeastTheBaseline() throws Exception {
        assumeTrue(Files.isDirectory(SUITE.resolve("v3.3.4")),
                "skipped: the CRS regression suite is not at ../shared/crs-regression/v3.3.4 (see README: Conformance)");
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's modsecurity-crs package is not installed");
        Path conformance = ROOT.resolve("tests/conformance");
        Path failures = ROOT.resolve("tests/target/crs-3.3.4-failures.txt");
        Files.createDirectories(failures.getParent());
        Cli run = Cli.run("ftw", SUITE.resolve("v3.3.4").toString(), SUITE.resolve("debian-backports").toString(),
                "--overrides", conformance.resolve("crs-3.3.4-overrides.yaml").toString(),
                "--baseline", conformance.resolve("crs-3.3.4.baseline").toString(),
                "--failures", failures.toString());
        String summary = run.out().strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("CRS 3.3.4 regression suite: " + summary);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(summary.matches("ftw: \\d+/2444 passed \\(0 failed, \\d+ skipped\\)"), summary);
    }
}
