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
}
