package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Aho–Corasick over byte strings, case-insensitive in ASCII only — what ModSecurity's
 * {@code acmp} does for {@code @pm} (it folds with C {@code tolower}, so é and É differ). Built
 * once per rule ({@link AhoCorasick}); a search is one table lookup per input byte.
 *
 * <p>Written here rather than taken from {@code org.ahocorasick:ahocorasick}: that library folds
 * case with {@link Character#toLowerCase}, which would make {@code É} match {@code é}.
 */
final class PhraseMatcher {

    private final AhoCorasick automaton;
    /** Per state, the phrase found on reaching it (the first given, of those ending there or at a suffix), or {@code null}. */
    private final String[] output;
    private final List<String> phrases;

    private PhraseMatcher(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        this.automaton = new AhoCorasick(phrases);
        output = new String[automaton.states()];
        for (int s = 1; s < output.length; s++) { // breadth-first: a fail state comes before its states
            int[] ending = automaton.literalsEndingAt[s];
            output[s] = ending != null ? phrases.get(ending[0]) : output[automaton.fail[s]];
        }
    }

    /** A matcher for the non-empty phrases; phrases with chars above 0xFF can never match bytes and are dropped. */
    static PhraseMatcher of(Collection<String> phrases) {
        List<String> usable = new ArrayList<>();
        for (String phrase : phrases) {
            if (!phrase.isEmpty() && phrase.chars().allMatch(c -> c <= 0xFF)) {
                usable.add(phrase);
            }
        }
        return new PhraseMatcher(usable);
    }

    /** The phrases searched for (those {@link #of} kept). */
    List<String> phrases() {
        return phrases;
    }

    /** The first phrase found in {@code value} (the one ending earliest), or {@code null}. */
    String find(String value) {
        int[] next = automaton.next;
        int[] classOf = automaton.classOf;
        int alphabet = automaton.alphabet;
        int state = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            state = next[state * alphabet + (c <= 0xFF ? classOf[c] : 0)];
            if (output[state] != null) {
                return output[state];
            }
        }
        return null;
    }
}
