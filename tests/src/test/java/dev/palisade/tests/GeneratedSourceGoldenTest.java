package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java generated for the example policies, against {@code golden/policies-examples.java}.
 * The actual source is written under {@code target/} for diffing; run with
 * {@code -Dpalisade.updateGolden=true} to accept a deliberate change. The compile step inside
 * {@code palisade compile} compiles it, so the golden is known to compile too.
 */
class GeneratedSourceGoldenTest {
    private static final Path GOLDEN = Path.of("tests/src/test/resources/golden/policies-examples.java");

    @Test
    void generatedSourceMatchesTheGolden() throws IOException {
        Path dump = Path.of("tests/target/generated-actual");
        if (Files.exists(dump)) {
            try (Stream<Path> stale = Files.walk(dump)) {
                for (Path path : stale.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Cli result = Cli.run("compile", "policies-examples", "--dump-generated", dump.toString());
        assertEquals(0, result.exitCode(), result::toString);
        List<Path> generated;
        List<Path> wafs;
        try (Stream<Path> files = Files.walk(dump)) {
            List<Path> all = files.filter(path -> path.toString().endsWith(".java")).toList();
            generated = all.stream().filter(path -> path.getFileName().toString().startsWith("Bundle_")).toList();
            wafs = all.stream().filter(path -> path.getFileName().toString().startsWith("Waf_")).toList();
        }
        assertEquals(1, generated.size(), "one ALP class per bundle: " + generated);
        // The www example's WAF (the CRS it compiles depends on the installed package, so no golden:
        // compiler/src/test/resources/golden/waf-small.java pins the WAF generator's output).
        assertEquals(1, wafs.size(), "one WAF class per policy with a waf block: " + wafs);
        assertTrue(Files.readString(wafs.get(0)).contains("private boolean rule942100(Transaction tx)"), wafs.toString());
        String actual = Files.readString(generated.get(0));
        if (Boolean.getBoolean("palisade.updateGolden")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual, "generated source changed; diff " + generated.get(0) + " with " + GOLDEN);
        assertTrue(actual.contains("// tier default: order 1000000, default deny"), actual);
    }

    @Test
    void dumpAfterPrintsTheIr() {
        Cli result = Cli.run("compile", "policies-examples", "--dump-after", "LowerPolicies");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("=== after LowerPolicies"), result::toString);
        assertTrue(result.out().contains("policy #3 www tier default order last selector \"app == \\\"www\\\"\""), result::toString);
        assertTrue(result.out().contains("  rule #2 deny methods any paths prefix:\"/.git\""), result::toString);
    }
}
