package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * Many literal sets searched in one pass: which of the sets have a literal in a value, ASCII
 * case-insensitively and on bytes (chars above 0xFF match nothing), as {@link PhraseMatcher} finds
 * one set's. One Aho–Corasick automaton over all the sets' literals, a full DFA over the bytes that
 * occur in some literal; each state knows the sets of every literal ending there (its own and its
 * suffixes'), so a scan reads each byte once and never backtracks, whatever the number of sets.
 *
 * <p>This is what lets a rule set ask "could any of these rules match this value?" once per value
 * instead of once per rule: see {@code dev.palisade.engine.waf.LiteralScreens}.
 */
public final class LiteralSetMatcher {

    private final int sets;
    private final AhoCorasick automaton;
    /** Per state, the sets with a literal ending there or at a suffix, as a bit set over the sets, or {@code null}. */
    private final long[][] found;

    private LiteralSetMatcher(List<List<String>> literalSets) {
        sets = literalSets.size();
        List<String> literals = new ArrayList<>();
        List<Integer> setOf = new ArrayList<>();
        for (int set = 0; set < literalSets.size(); set++) {
            for (String literal : literalSets.get(set)) {
                literals.add(literal);
                setOf.add(set);
            }
        }
        automaton = new AhoCorasick(literals);
        found = new long[automaton.states()][];
        for (int s = 1; s < found.length; s++) { // breadth-first: a fail state comes before its states
            long[] inherited = found[automaton.fail[s]];
            int[] ending = automaton.literalsEndingAt[s];
            if (ending == null) {
                found[s] = inherited;
                continue;
            }
            long[] mask = inherited == null ? new long[words()] : inherited.clone();
            for (int literal : ending) {
                int set = setOf.get(literal);
                mask[set >>> 6] |= 1L << set;
            }
            found[s] = mask;
        }
    }

    /**
     * A matcher for the sets, numbered by their position in the list. Empty literals and literals
     * with chars above 0xFF can never be found in a byte string the way the sets' operators look,
     * so they are left out: a set of only such literals is never found.
     */
    public static LiteralSetMatcher of(List<List<String>> literalSets) {
        List<List<String>> usable = new ArrayList<>();
        for (List<String> set : literalSets) {
            usable.add(set.stream().filter(l -> !l.isEmpty() && l.chars().allMatch(c -> c <= 0xFF)).toList());
        }
        return new LiteralSetMatcher(usable);
    }

    public int sets() {
        return sets;
    }

    /** Words of a bit set over the sets, as {@link #scan} fills it. */
    public int words() {
        return (sets + 63) >>> 6;
    }

    /** Automaton states: its size is states × distinct literal bytes. */
    public int states() {
        return automaton.states();
    }

    /** Sets bit {@code s} of {@code into} for every set {@code s} with a literal in {@code value}. */
    public void scan(String value, long[] into) {
        int[] next = automaton.next;
        int[] classOf = automaton.classOf;
        int alphabet = automaton.alphabet;
        int state = 0;
        for (int k = 0, n = value.length(); k < n; k++) {
            char c = value.charAt(k);
            state = next[state * alphabet + (c <= 0xFF ? classOf[c] : 0)];
            long[] mask = found[state];
            if (mask != null) {
                for (int w = 0; w < mask.length; w++) {
                    into[w] |= mask[w];
                }
            }
        }
    }
}
