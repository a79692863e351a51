package dev.palisade.dsl.ast.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.parse.SelectorParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks {@code vectors/selector-evaluation.json}: selector, workload labels, whether it is selected. */
class SelectorEvaluationVectorsTest {

    @SuppressWarnings("unchecked") // the vector file's shape is checked by the casts failing the test
    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = SelectorEvaluationVectorsTest.class.getResourceAsStream("/vectors/selector-evaluation.json")) {
            List<Object> cases = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, List.class);
            return cases.stream().map(entry -> (Map<String, Object>) entry).map(entry -> Arguments.of(
                    entry.get("selector"), entry.get("labels"), entry.get("matches")));
        }
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @MethodSource("vectors")
    void evaluates(String text, Map<String, String> labels, boolean matches) {
        Diagnostics diagnostics = new Diagnostics();
        Selector selector = SelectorParser.parse(text, i -> Span.point("vector", 1, i + 1), diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(matches, selector.matches(labels));
        Selector canonical = SelectorParser.parse(selector.text(), i -> Span.NONE, diagnostics).orElseThrow();
        assertEquals(matches, canonical.matches(labels), "canonical text " + selector.text());
    }
}
