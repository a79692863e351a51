package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/operators/<name>.json}: one case per vector, named {@code name: argument ← input}.
 * Inputs are byte strings, one char per byte. Data files named in arguments are relative to
 * {@code vectors/operators/}; {@code macros} feed {@code %{…}} expansion; {@code captures}, when
 * present, are what TX:0–9 must hold after a capturing evaluation.
 */
class OperatorVectorsTest {

    /** One vector of one file. */
    record Vector(String argument, String input, boolean match, Map<String, String> captures,
            Map<String, String> macros, String note) {}

    /** A vector with the operator name its file gives. */
    record Case(String name, Vector vector) {}

    private static final String DIRECTORY = "/vectors/operators";
    private static final Set<String> ALIASES = Set.of("pmf", "ipMatchF");

    static Stream<Named<Case>> cases() throws IOException {
        List<Named<Case>> cases = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String name : vectorFileNames()) {
            try (InputStream in = OperatorVectorsTest.class.getResourceAsStream(DIRECTORY + "/" + name + ".json")) {
                assertNotNull(in, name + ".json");
                for (Vector vector : json.readValue(in, Vector[].class)) {
                    cases.add(Named.of(name + ": " + show(vector.argument()) + " ← " + show(vector.input()), new Case(name, vector)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(Case testCase) throws OperatorArgumentException {
        Vector vector = testCase.vector();
        Operator operator = Operators.create(testCase.name(), vector.argument(), directory());
        Map<String, String> macros = vector.macros() == null ? Map.of() : vector.macros();
        String why = vector.note() == null ? "" : vector.note();
        assertEquals(vector.match(), operator.evaluate(vector.input(), new RecordingContext(macros, false)), why);
        RecordingContext capturing = new RecordingContext(macros, true);
        assertEquals(vector.match(), operator.evaluate(vector.input(), capturing), why + " (capturing)");
        if (vector.captures() != null) {
            Map<Integer, String> expected = new TreeMap<>();
            vector.captures().forEach((index, value) -> expected.put(Integer.parseInt(index), value));
            assertEquals(expected, capturing.captures, why);
        }
    }

    @Test
    void everySupportedOperatorHasVectorsAndEveryVectorFileAnOperator() throws IOException {
        Set<String> supported = new TreeSet<>(Operators.names());
        supported.removeAll(Operators.unsupported());
        supported.removeAll(ALIASES);
        assertEquals(supported, vectorFileNames());
    }

    private static Set<String> vectorFileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".json"))
                    .map(file -> file.substring(0, file.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Path directory() {
        try {
            return Paths.get(OperatorVectorsTest.class.getResource(DIRECTORY).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Control and non-ASCII bytes as {@code \\xHH}, so names stay one readable line. */
    static String show(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 60; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c > 0x7e ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.length() >= 60 ? out + "…" : out.toString();
    }
}
