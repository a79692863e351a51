package dev.palisade.engine.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks {@code vectors/path-normalization.json}: one case per vector. */
class PathNormalizerTest {

    /**
     * One vector. Inputs are byte strings (one char per byte) unless {@code rule} is set: then the
     * input is a policy path in Unicode and goes through {@link PathNormalizer#normalizeRulePath}.
     */
    record Vector(String input, String expected, boolean rejected, boolean rule, String note) {}

    private static final int SHOWN_INPUT_LENGTH = 60;

    static Stream<Named<Vector>> vectors() throws IOException {
        try (InputStream json = PathNormalizerTest.class.getResourceAsStream("/vectors/path-normalization.json")) {
            assertNotNull(json, "vectors/path-normalization.json is on the test classpath");
            List<Vector> vectors = List.of(new ObjectMapper().readValue(json, Vector[].class));
            return vectors.stream().map(vector -> Named.of(displayName(vector), vector));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void normalizes(Vector vector) {
        assertTrue(vector.rejected() != (vector.expected() != null), "a vector has exactly one of expected, rejected");
        PathNormalizer.Result result = vector.rule()
                ? PathNormalizer.normalizeRulePath(vector.input())
                : PathNormalizer.normalize(vector.input());
        if (vector.rejected()) {
            assertFalse(result.ok(), () -> displayName(vector) + ", got " + show(result.path()));
            assertNull(result.path());
            assertNotNull(result.rejection());
        } else {
            assertTrue(result.ok(), () -> displayName(vector) + ", rejected: " + result.rejection());
            assertEquals(vector.expected(), result.path(), () -> displayName(vector));
        }
    }

    private static String displayName(Vector vector) {
        String input = show(vector.input());
        if (input.length() > SHOWN_INPUT_LENGTH) {
            input = input.substring(0, SHOWN_INPUT_LENGTH) + "…(" + vector.input().length() + " chars)";
        }
        String outcome = vector.rejected() ? "rejected" : show(vector.expected());
        if (outcome.length() > SHOWN_INPUT_LENGTH) {
            outcome = outcome.substring(0, SHOWN_INPUT_LENGTH) + "…";
        }
        return (vector.rule() ? "rule " : "") + "\"" + input + "\" → " + outcome;
    }

    /** Control and non-ASCII chars as {@code \\uXXXX}, so names and messages stay one readable line. */
    private static String show(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
