package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * One pass over a value finds exactly the literal sets that hold a literal the value contains
 * (ASCII case-insensitively; empty literals and chars above a byte never match), and so does each
 * set's own {@link PhraseMatcher}: the WAF skips a rule on a clear bit, so a bit may never be
 * clear where the rule's operator would have found its literal. The reference is a plain search.
 */
class LiteralSetMatcherProperties {

    /**
     * A small alphabet, so literals overlap and share prefixes and suffixes: ASCII letters in both
     * cases, punctuation, Latin-1 letters (not folded), a char above a byte (never found), NUL.
     */
    private static final String CHARS = "aAbBsS./%2<= \u00e9\u00c9\u00ff\u0100\u0000";

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars(CHARS).ofMaxLength(40);
    }

    @Provide
    Arbitrary<List<String>> literals() {
        return Arbitraries.strings().withChars(CHARS).ofMaxLength(5).list().ofMaxSize(300);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF) // jqwik 1.10.1 fails with a ClassCastException shrinking these
    void aScanFindsTheSetsEachSetsOwnMatcherFinds(@ForAll("literals") List<String> literals,
            @ForAll @IntRange(min = 1, max = 80) int setCount, @ForAll("values") String value) {
        // Literal i goes to set i mod setCount (a flat list: jqwik 1.10.1 cannot shrink nested lists).
        List<List<String>> sets = new ArrayList<>();
        for (int s = 0; s < setCount; s++) {
            sets.add(new ArrayList<>());
        }
        for (int i = 0; i < literals.size(); i++) {
            sets.get(i % setCount).add(literals.get(i));
        }
        LiteralSetMatcher matcher = LiteralSetMatcher.of(sets);
        long[] found = new long[matcher.words()];
        matcher.scan(value, found);
        String folded = asciiLower(value);
        for (int s = 0; s < sets.size(); s++) {
            boolean contained = sets.get(s).stream().anyMatch(literal -> !literal.isEmpty()
                    && literal.chars().allMatch(c -> c <= 0xFF) && folded.contains(asciiLower(literal)));
            boolean bit = (found[s >>> 6] & (1L << s)) != 0;
            assertEquals(contained, bit, "set " + s + " " + sets.get(s) + " in " + value);
            assertEquals(contained, PhraseMatcher.of(sets.get(s)).find(value) != null,
                    "phrases " + sets.get(s) + " in " + value);
        }
    }

    private static String asciiLower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }
}
