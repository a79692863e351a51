package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README stays true: its language example checks, and the output it quotes is real. */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    private static String block(String text, String after) {
        int anchor = text.indexOf(after);
        if (anchor < 0) {
            throw new AssertionError("README no longer says `" + after + "`: update the test's anchor");
        }
        int start = text.indexOf("```", anchor);
        int bodyStart = text.indexOf('\n', start) + 1;
        return text.substring(bodyStart, text.indexOf("```", bodyStart));
    }

    @Test
    void languageExampleChecksAndItsTestsPass(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("readme.pal"), block(readme(), "## The language"));
        Cli result = Cli.run("test", directory.toString());
        assertEquals(0, result.exitCode(), result::toString);
    }

    /** Ports are ephemeral: the README's and the run's are made equal before comparing. */
    private static String withoutPorts(String text) {
        return text.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    @Test
    void quotedDemoOutputIsWhatTheDemoPrints() throws IOException {
        String quoted = block(readme(), "The first command installs");
        Cli result = Cli.run("demo");
        assertEquals(0, result.exitCode(), result::toString);
        // The README quotes all of it, not an excerpt.
        assertEquals(withoutPorts(quoted), withoutPorts(result.out()), "the README's demo output is not what it prints");
    }

    @Test
    void quotedBuildOutputIsWhatBuildPrints(@TempDir Path directory) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: the www example's WAF needs Debian's modsecurity-crs package");
        String[] quoted = block(readme(), "On the examples:").split("\n", 2);
        String[] args = quoted[0].replaceFirst("^\\$ \\./palisade ", "").split(" ");
        Path deploy = directory.resolve("deploy");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].equals("deploy") ? deploy.toString() : args[i];
        }
        Cli result = Cli.run(args);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(quoted[1], result.out().replace(deploy.toString(), "deploy"), "the README's build output");
    }

    @Test
    void quotedTestOutputIsWhatTheTestCommandPrints() throws IOException {
        String quoted = block(readme(), "The policies' own tests");
        Cli result = Cli.run("test", "policies-examples/");
        for (String line : quoted.split("\n")) {
            if (!line.equals("...")) {
                assertTrue(result.out().contains(line + "\n"), "README quotes a line `test` does not print: " + line);
            }
        }
    }

    /** The README's {@code palisade diff} samples: a copy of the examples with one edit, at a path the README names. */
    private static void assertDiffSample(Path directory, String anchor, String name, String file, String from, String to)
            throws IOException {
        Path copy = directory.resolve(name);
        try (var walk = Files.walk(Path.of("policies-examples"))) {
            for (Path source : walk.toList()) {
                Path target = copy.resolve(Path.of("policies-examples").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        String policy = Files.readString(copy.resolve(file));
        assertTrue(policy.contains(from), "the example no longer says `" + from + "`: update the README's diff sample");
        Files.writeString(copy.resolve(file), policy.replace(from, to));
        String quoted = block(readme(), anchor);
        Cli result = Cli.run("diff", "policies-examples", copy.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals(quoted, "$ palisade diff policies-examples /tmp/" + name + "\n"
                + result.out().replace(copy.toString(), "/tmp/" + name), "the README's diff sample is not what diff prints");
    }

    @Test
    void quotedAlpDiffIsWhatDiffPrints(@TempDir Path directory) throws IOException {
        assertDiffSample(directory, "after its `deny`:", "pe-new", "www.pal", "        deny path prefix \"/.git\" // explicit denies win over allows\n",
                "        deny path prefix \"/.git\" // explicit denies win over allows\n        allow GET path prefix \"/backup\"\n");
    }

    @Test
    void quotedWafDiffIsWhatDiffPrints(@TempDir Path directory) throws IOException {
        assertDiffSample(directory, "`mode blocking` and `crs paranoia 1`:", "pe-waf", "www.pal", "        mode blocking\n        crs paranoia 1 ",
                "        mode detection\n        crs paranoia 4 ");
    }
}
