package dev.palisade.dsl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code fmt/NAME.input.pal} formats to {@code fmt/NAME.expected.pal}, and the
 * expected text is a fixed point. The actual output is written under {@code target/fmt-actual/}
 * so a changed expectation can be reviewed with a diff.
 */
class PolicyFormatterGoldenTest {

    static Stream<String> examples() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".input.pal"))
                    .map(name -> name.substring(0, name.length() - ".input.pal".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void formatsToTheExpectedText(String name) throws IOException, URISyntaxException {
        String input = Files.readString(directory().resolve(name + ".input.pal"), StandardCharsets.UTF_8);
        String expected = Files.readString(directory().resolve(name + ".expected.pal"), StandardCharsets.UTF_8);

        String actual = format(name + ".input.pal", input);
        Path written = Path.of("target", "fmt-actual", name + ".expected.pal");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);

        assertEquals(expected, actual);
        assertEquals(expected, format(name + ".expected.pal", expected), "the expected text is already canonical");
    }

    private static String format(String fileName, String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<String> formatted = PolicyFormatter.formatSource(new SourceFile(fileName, text), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> fileName + ": " + diagnostics.sorted());
        return formatted.orElseThrow();
    }

    private static Path directory() throws URISyntaxException {
        return Path.of(PolicyFormatterGoldenTest.class.getResource("/fmt").toURI());
    }
}
