package dev.palisade.dsl.ast.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.generators.SelectorArbitraries;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SelectorWitnessPropertyTest {

    @Property(tries = 1000)
    void witnessIsMatchedAndDeterministic(@ForAll("selectors") Selector selector) {
        Optional<Map<String, String>> witness = SelectorWitness.find(selector);
        witness.ifPresent(labels -> assertTrue(selector.matches(labels), selector.text() + " on " + labels));
        assertEquals(witness, SelectorWitness.find(selector));
    }

    @Property(tries = 1000)
    void witnessIsFoundForSatisfiablePositiveSelectors(@ForAll("satisfiable") Selector selector) {
        assertTrue(SelectorWitness.find(selector).isPresent(), selector.text());
    }

    @Property(tries = 1000)
    void witnessIsFoundWheneverSomeRandomLabelsMatch(@ForAll("selectors") Selector selector,
            @ForAll("labels") Map<String, String> labels) {
        if (selector.matches(labels)) {
            assertTrue(SelectorWitness.find(selector).isPresent(), selector.text() + " is matched by " + labels);
        }
    }

    @Example
    void prefersFewerLabels() {
        Selector selector = new Selector.Or(new Selector.And(new Selector.Has("a"), new Selector.Has("b")),
                new Selector.Equals("c", "x"));
        assertEquals(Optional.of(Map.of("c", "x")), SelectorWitness.find(selector));
        assertEquals(Optional.of(Map.of()), SelectorWitness.find(new Selector.Not(new Selector.Has("a"))));
    }

    @Example
    void buildsValuesForStringTests() {
        Selector selector = new Selector.And(new Selector.And(new Selector.StartsWith("n", "pay"),
                new Selector.EndsWith("n", "-v2")), new Selector.NotEquals("n", "pay-v2"));
        Map<String, String> witness = SelectorWitness.find(selector).orElseThrow();
        assertTrue(selector.matches(witness), witness.toString());
    }

    @Example
    void findsNothingForContradictions() {
        assertEquals(Optional.empty(), SelectorWitness.find(new Selector.And(
                new Selector.Equals("a", "x"), new Selector.Equals("a", "y"))));
        assertEquals(Optional.empty(), SelectorWitness.find(new Selector.Not(new Selector.All())));
    }

    @Provide
    Arbitrary<Selector> selectors() {
        return SelectorArbitraries.selectors();
    }

    @Provide
    Arbitrary<Selector> satisfiable() {
        return SelectorArbitraries.satisfiable();
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return SelectorArbitraries.labels();
    }
}
