package dev.palisade.dsl.generators;

import dev.palisade.dsl.ast.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Selectors, label maps and selector-like text. Keys and values come from small sets so that
 * random selectors and random labels often meet; keys include Calico's operator words, which
 * are also valid label names. The depth limit keeps the canonical text under Calico's 1024
 * characters.
 */
public final class SelectorArbitraries {
    public static final int MAX_DEPTH = 4;

    static final List<String> KEYS = List.of("app", "tier", "example.com/team", "in", "not", "starts", "has", "all");
    static final List<String> VALUES = List.of("", "web", "edge", "pay-v2", "x\"y", "it's", "a b");
    static final List<String> TOKENS = List.of("app", "tier", "in", "not", "has(", "all(", "all()", "contains",
            "starts", "ends", "with", "==", "!=", "!", "&&", "||", "(", ")", "{", "}", ",", "\"web\"", "'edge'",
            "\"", "'", "=", "&", "|", "-", "/", ".", " ", "#", "😀");

    private SelectorArbitraries() {
    }

    public static Arbitrary<String> keys() {
        return Arbitraries.of(KEYS);
    }

    public static Arbitrary<String> values() {
        return Arbitraries.of(VALUES);
    }

    public static Arbitrary<Set<String>> valueSets() {
        return values().set().ofMaxSize(3);
    }

    public static Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(keys(), values()).ofMaxSize(KEYS.size());
    }

    public static Arbitrary<Selector> selectors() {
        return selectors(MAX_DEPTH);
    }

    public static Arbitrary<Selector> selectors(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<Selector> smaller = selectors(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaves()),
                Tuple.of(1, smaller.map(Selector.Not::new)),
                Tuple.of(2, Combinators.combine(smaller, smaller).as(Selector.And::new)),
                Tuple.of(2, Combinators.combine(smaller, smaller).as(Selector.Or::new)));
    }

    public static Arbitrary<Selector> leaves() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(new Selector.All()),
                keys().map(Selector.Has::new),
                Combinators.combine(keys(), values()).as(Selector.Equals::new),
                Combinators.combine(keys(), values()).as(Selector.NotEquals::new),
                Combinators.combine(keys(), valueSets()).as(Selector.In::new),
                Combinators.combine(keys(), valueSets()).as(Selector.NotIn::new),
                Combinators.combine(keys(), values()).as(Selector.Contains::new),
                Combinators.combine(keys(), values()).as(Selector.StartsWith::new),
                Combinators.combine(keys(), values()).as(Selector.EndsWith::new)));
    }

    /**
     * Selectors built from {@code all()}, {@code has}, {@code ==}, {@code in} and {@code &&} that
     * some workload matches. Those operators alone can still contradict each other
     * ({@code a == "x" && a == "y"}, {@code a in {}}), so each is drawn from a label map that it
     * must match.
     */
    public static Arbitrary<Selector> satisfiable() {
        return labels().flatMap(labels -> positive(labels, 3));
    }

    private static Arbitrary<Selector> positive(Map<String, String> labels, int depth) {
        List<Arbitrary<Selector>> leaves = new ArrayList<>();
        leaves.add(Arbitraries.just(new Selector.All()));
        if (!labels.isEmpty()) {
            Arbitrary<String> present = Arbitraries.of(List.copyOf(labels.keySet()));
            leaves.add(present.map(Selector.Has::new));
            leaves.add(present.map(key -> new Selector.Equals(key, labels.get(key))));
            leaves.add(Combinators.combine(present, valueSets()).as((key, others) -> {
                List<String> values = new ArrayList<>(others);
                values.add(labels.get(key));
                return new Selector.In(key, values);
            }));
        }
        Arbitrary<Selector> leaf = Arbitraries.oneOf(leaves);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Selector> smaller = positive(labels, depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(1, leaf),
                Tuple.of(2, Combinators.combine(smaller, smaller).as(Selector.And::new)));
    }

    /** Text made of selector tokens in random order: mostly invalid, sometimes nearly valid. */
    public static Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(30)
                .map(tokens -> String.join("", tokens));
    }

    /** A valid selector's text with one character removed, replaced or added. */
    public static Arbitrary<String> mutatedText() {
        Arbitrary<Character> characters = Arbitraries.of('(', ')', '!', '"', '\'', '{', '}', ',', '&', '|', '=', ' ', 'a');
        return Combinators.combine(selectors(3), Arbitraries.integers().between(0, 2000), characters, Arbitraries.integers().between(0, 2))
                .as((selector, position, character, kind) -> {
                    StringBuilder text = new StringBuilder(selector.text());
                    int at = position % (text.length() + 1);
                    if (kind == 0 && at < text.length()) {
                        text.deleteCharAt(at);
                    } else if (kind == 1 && at < text.length()) {
                        text.setCharAt(at, character);
                    } else {
                        text.insert(at, character);
                    }
                    return text.toString();
                });
    }
}
