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
        int start = text.indexOf("```", text.indexOf(after));
        int bodyStart = text.indexOf('\n', start) + 1;
        return text.substring(bodyStart, text.indexOf("```", bodyStart));
    }

    @Test
    void languageExampleChecksAndItsTestsPass(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("readme.pal"), block(readme(), "## The language"));
        Cli result = Cli.run("test", directory.toString());
        assertEquals(0, result.exitCode(), result::toString);
    }

    @Test
    void quotedDemoOutputIsWhatTheDemoPrints() throws IOException {
        String quoted = block(readme(), "The first command builds");
        Cli result = Cli.run("test", "policies-examples/");
        for (String line : quoted.split("\n")) {
            if (!line.equals("...")) {
                assertTrue(result.out().contains(line + "\n"), "README quotes a line the demo does not print: " + line);
            }
        }
    }
}
