package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks upstream's SQL vector files, one test per file: {@code test-tokens-*} (tokenizer output,
 * ANSI mode, no quote context), {@code test-folding-*} (tokens after folding) and
 * {@code test-sqli-*} (the fingerprint of a detection, empty when none).
 *
 * <p>Vectors known to fail are listed in {@code known-failing-vectors.txt}; a listed vector that
 * passes fails the test too, so the list can only shrink.
 */
class SqlVectorsTest {

    @TestFactory
    Stream<DynamicTest> tokens() {
        return vectors("test-tokens-", SqlVectorsTest::tokenize);
    }

    @TestFactory
    Stream<DynamicTest> folding() {
        return vectors("test-folding-", SqlVectorsTest::fold);
    }

    @TestFactory
    Stream<DynamicTest> sqli() {
        return vectors("test-sqli-", input -> SqlInjectionDetector.detect(input).fingerprint());
    }

    static String tokenize(String input) {
        SqlTokenizer tokenizer = new SqlTokenizer(input, (char) 0, false);
        SqlToken token = new SqlToken();
        StringBuilder out = new StringBuilder();
        while (tokenizer.next(token)) {
            out.append(printable(token.describe())).append('\n');
        }
        return LibinjectionData.rtrim(out.toString());
    }

    static String fold(String input) {
        SqlFolder folder = new SqlFolder(new SqlTokenizer(input, (char) 0, false));
        int count = folder.fold();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(printable(folder.tokens[i].describe())).append('\n');
        }
        return LibinjectionData.rtrim(out.toString());
    }

    /** Upstream's driver prints values with %s, which stops at a NUL byte. */
    private static String printable(String described) {
        int nul = described.indexOf('\0');
        return nul < 0 ? described : described.substring(0, nul);
    }

    static Stream<DynamicTest> vectors(String prefix, Function<String, String> actual) {
        Path folder = LibinjectionData.find();
        if (folder == null) {
            return Stream.of(LibinjectionData.skipped());
        }
        Path tests = folder.resolve("tests");
        Set<String> knownFailing = knownFailing();
        return LibinjectionData.files(tests, prefix).stream().map(file -> {
            String name = file.getFileName().toString();
            return DynamicTest.dynamicTest(name, () -> {
                LibinjectionData.Vector vector = LibinjectionData.Vector.read(file);
                String got = actual.apply(vector.input());
                if (knownFailing.contains(name)) {
                    assertFalse(vector.expected().equals(got),
                            name + " passes now: remove it from known-failing-vectors.txt");
                } else {
                    assertEquals(vector.expected(), got, () -> name + ", input: " + vector.input());
                }
            });
        });
    }

    /** File names listed in the baseline (one a line, '#' comments). */
    static Set<String> knownFailing() {
        try (InputStream in = SqlVectorsTest.class.getResourceAsStream("known-failing-vectors.txt")) {
            if (in == null) {
                return Set.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
