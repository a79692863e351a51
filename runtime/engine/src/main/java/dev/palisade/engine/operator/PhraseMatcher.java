package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Aho–Corasick over byte strings, case-insensitive in ASCII only — what ModSecurity's
 * {@code acmp} does for {@code @pm} (it folds with C {@code tolower}, so é and É differ). Built
 * once per rule; a search is one table lookup per input byte. The automaton is a full DFA over
 * the bytes that occur in some phrase (every other byte leads to the root), so its size is
 * states × distinct phrase bytes.
 *
 * <p>Written here rather than taken from {@code org.ahocorasick:ahocorasick}: that library folds
 * case with {@link Character#toLowerCase}, which would make {@code É} match {@code é}.
 */
final class PhraseMatcher {

    private final int[] classOf = new int[256];
    private final int alphabet;
    private final int[] next;
    private final String[] output;
    private final List<String> phrases;

    private PhraseMatcher(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        int classes = 1;
        for (String phrase : phrases) {
            for (int k = 0; k < phrase.length(); k++) {
                int b = fold(phrase.charAt(k));
                if (classOf[b] == 0) {
                    classOf[b] = classes++;
                }
            }
        }
        alphabet = classes;
        for (int upper = 'A'; upper <= 'Z'; upper++) { // fold once here, not per input byte
            classOf[upper] = classOf[upper + ('a' - 'A')];
        }
        // The trie first: children[state * alphabet + class], 0 = none (the root is never a child).
        List<String> terminal = new ArrayList<>();
        terminal.add(null);
        int[] trie = new int[alphabet * 16];
        int states = 1;
        for (String phrase : phrases) {
            int state = 0;
            for (int k = 0; k < phrase.length(); k++) {
                int slot = state * alphabet + classOf[fold(phrase.charAt(k))];
                if (trie[slot] == 0) {
                    if ((states + 1) * alphabet > trie.length) {
                        trie = Arrays.copyOf(trie, trie.length * 2);
                    }
                    trie[slot] = states++;
                    terminal.add(null);
                }
                state = trie[slot];
            }
            if (terminal.get(state) == null) {
                terminal.set(state, phrase);
            }
        }
        next = Arrays.copyOf(trie, states * alphabet);
        output = terminal.toArray(new String[0]);
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < alphabet; c++) {
            if (next[c] != 0) {
                queue[tail++] = next[c];
            }
        }
        // INVARIANT: states leave the queue in breadth-first order, so fail[s] is complete before s.
        while (head < tail) {
            int s = queue[head++];
            if (output[s] == null) {
                output[s] = output[fail[s]];
            }
            for (int c = 0; c < alphabet; c++) {
                int child = next[s * alphabet + c];
                if (child != 0) {
                    fail[child] = next[fail[s] * alphabet + c];
                    queue[tail++] = child;
                } else {
                    next[s * alphabet + c] = next[fail[s] * alphabet + c];
                }
            }
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

    private static int fold(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
