package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The CRS regression tests beside the repository: {@code ../shared/crs-regression} (see its README). */
final class CrsRegressionData {
    private CrsRegressionData() {}

    static Path location() {
        return Path.of(System.getProperty("palisade.root", "../..")).resolve("../shared/crs-regression").normalize();
    }

    /** A folder of the data (v3.3.4, v4, …); skips the calling test when it is missing. */
    static Path folder(String name) {
        Path folder = location().resolve(name);
        assumeTrue(Files.isDirectory(folder), () -> "skipped: CRS regression tests not found at " + folder
                + " (../shared/crs-regression beside the repository root: tests/regression/tests of"
                + " github.com/coreruleset/coreruleset, see its README)");
        return folder;
    }
}
