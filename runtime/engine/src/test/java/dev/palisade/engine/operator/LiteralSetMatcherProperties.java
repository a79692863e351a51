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
 * One pass over a value finds exactly the literal sets that each set's own {@link PhraseMatcher}
 * finds: the WAF skips a rule on a clear bit, so a bit may never be clear where the rule's
 * operator would have found its literal.
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
        for (int s = 0; s < sets.size(); s++) {
            boolean bit = (found[s >>> 6] & (1L << s)) != 0;
            assertEquals(PhraseMatcher.of(sets.get(s)).find(value) != null, bit, "set " + s + " " + sets.get(s) + " in " + value);
        }
    }
}
