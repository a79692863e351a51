package dev.palisade.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/transformations/<name>.json}: one case per vector, named
 * {@code name: input}. Inputs and outputs are byte strings, one char per byte.
 */
class TransformationVectorsTest {

    /** One vector of one file. */
    record Vector(String input, String output, String note) {}

    /** A vector with the transformation name its file gives. */
    record Case(String name, Vector vector) {}

    private static final String DIRECTORY = "/vectors/transformations";
    private static final int SHOWN_INPUT_LENGTH = 60;

    static Stream<Named<Case>> cases() throws IOException {
        List<Named<Case>> cases = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String name : vectorFileNames()) {
            try (InputStream in = TransformationVectorsTest.class.getResourceAsStream(DIRECTORY + "/" + name + ".json")) {
                assertNotNull(in, name + ".json");
                for (Vector vector : json.readValue(in, Vector[].class)) {
                    cases.add(Named.of(name + ": " + show(vector.input(), SHOWN_INPUT_LENGTH), new Case(name, vector)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transforms(Case testCase) {
        Vector vector = testCase.vector();
        assertNotNull(vector.input(), "input");
        assertNotNull(vector.output(), "output");
        Transformation transformation = Transformations.named(testCase.name()).orElseThrow();
        String actual = transformation.apply(vector.input());
        if (!vector.output().equals(actual)) {
            fail(testCase.name() + ": " + show(vector.input(), Integer.MAX_VALUE)
                    + (vector.note() == null ? "" : " (" + vector.note() + ")")
                    + "\n expected: " + show(vector.output(), Integer.MAX_VALUE)
                    + "\n   actual: " + show(actual, Integer.MAX_VALUE));
        }
        if (actual.equals(vector.input())) {
            assertTrue(actual == vector.input(), "an unchanged value is returned as the same instance");
        }
    }

    @Test
    void everyTransformationHasVectorsAndEveryVectorFileATransformation() throws IOException {
        assertEquals(new TreeSet<>(Transformations.names()), vectorFileNames());
    }

    @Test
    void theCrsTransformationsHaveAtLeastFiveVectorsEach() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String name : List.of("none", "urlDecodeUni", "lowercase", "htmlEntityDecode", "utf8toUnicode", "removeNulls",
                "jsDecode", "cssDecode", "cmdLine", "urlDecode", "compressWhitespace", "removeWhitespace", "normalisePath",
                "normalizePath", "normalizePathWin", "sha1", "hexEncode", "length", "replaceComments", "base64Decode")) {
            try (InputStream in = TransformationVectorsTest.class.getResourceAsStream(DIRECTORY + "/" + name + ".json")) {
                assertNotNull(in, name + ".json");
                assertTrue(json.readValue(in, Vector[].class).length >= 5, name + " has at least five vectors");
            }
        }
    }

    private static Set<String> vectorFileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".json"))
                    .map(file -> file.substring(0, file.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path directory() {
        try {
            return Paths.get(TransformationVectorsTest.class.getResource(DIRECTORY).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Control and non-ASCII bytes as {@code \\xHH}, so names and messages stay one readable line. */
    static String show(String text, int limit) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        for (; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                out.append(c == '\\' ? "\\\\" : String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…(" + text.length() + " bytes)" : out.toString();
    }
}
