package dev.palisade.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.generators.SelectorArbitraries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SelectorParserPropertyTest {

    @Property(tries = 1000)
    void canonicalTextParsesBackToTheSameSelector(@ForAll("selectors") Selector selector) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Selector> parsed = parse(selector.text(), diagnostics);
        assertEquals(List.of(), diagnostics.sorted(), selector.text());
        assertEquals(Optional.of(selector), parsed, selector.text());
    }

    @Property(tries = 1000)
    void parsedSelectorMatchesLikeTheOriginal(@ForAll("selectors") Selector selector,
            @ForAll("labels") Map<String, String> labels) {
        Selector parsed = parse(selector.text(), new Diagnostics()).orElseThrow();
        assertEquals(selector.matches(labels), parsed.matches(labels), selector.text() + " on " + labels);
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryText(@ForAll("anyText") String text) {
        assertReportsOrParses(text);
    }

    @Property(tries = 1000)
    void neverThrowsOnSelectorTokensInAnyOrder(@ForAll("tokenSoup") String text) {
        assertReportsOrParses(text);
    }

    @Property(tries = 1000)
    void reportsOneErrorForAMutatedSelector(@ForAll("mutatedText") String text) {
        Diagnostics diagnostics = assertReportsOrParses(text);
        List<Diagnostic> found = diagnostics.sorted();
        boolean syntaxError = found.stream().anyMatch(d -> d.code() != DiagnosticCode.INVALID_LABEL_KEY);
        assertTrue(!syntaxError || found.size() == 1, () -> text + " gave " + found);
    }

    @Example
    void deepParenthesesAreADiagnosticNotAStackOverflow() {
        for (String text : List.of("(".repeat(10_000), "(".repeat(10_000) + "all()" + ")".repeat(10_000),
                "!".repeat(10_000) + "all()", "(!".repeat(10_000), ")".repeat(10_000))) {
            Diagnostics diagnostics = assertReportsOrParses(text);
            assertTrue(diagnostics.hasErrors());
        }
    }

    @Example
    void countsColumnsInCharactersAfterSupplementaryCharacters() {
        Diagnostics diagnostics = new Diagnostics();
        parse("a == '😀😀' &&", diagnostics);
        assertEquals(15, diagnostics.sorted().get(0).span().column());
    }

    @Provide
    Arbitrary<Selector> selectors() {
        return SelectorArbitraries.selectors();
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return SelectorArbitraries.labels();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200),
                Arbitraries.strings().withChars("()!&|=\"'{},ahs ").ofMaxLength(400)));
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return SelectorArbitraries.tokenSoup();
    }

    @Provide
    Arbitrary<String> mutatedText() {
        return SelectorArbitraries.mutatedText();
    }

    /** Either a selector and no errors, or errors and no selector; never an exception. */
    private static Diagnostics assertReportsOrParses(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Selector> parsed = parse(text, diagnostics);
        assertEquals(parsed.isEmpty(), diagnostics.hasErrors(), () -> text + " gave " + diagnostics.sorted());
        parsed.ifPresent(selector -> assertEquals(parsed, parse(selector.text(), new Diagnostics())));
        return diagnostics;
    }

    private static Optional<Selector> parse(String text, Diagnostics diagnostics) {
        return SelectorParser.parse(text, i -> {
            if (i < 0 || i > text.length()) {
                throw new AssertionError("span asked for index " + i + " of " + text.length());
            }
            return Span.point("p.pal", 1, 1 + i);
        }, diagnostics);
    }
}
