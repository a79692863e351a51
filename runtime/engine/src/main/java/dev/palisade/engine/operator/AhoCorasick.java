package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Aho–Corasick automaton {@link PhraseMatcher} and {@link LiteralSetMatcher} search with: a
 * full DFA over the bytes that occur in some literal (every other byte leads where the root
 * would), ASCII case folded once here so a search makes one table lookup per input byte.
 *
 * <p>States are numbered breadth-first: a state's fail state has a smaller number, so consumers
 * that inherit outputs along fail links can walk states in numeric order, and ordinary text,
 * which keeps the automaton near the root, stays in the first rows of the table, in cache.
 */
final class AhoCorasick {
    /** Byte → input class; 0 for bytes in no literal. Upper-case ASCII shares its lower-case class. */
    final int[] classOf = new int[256];
    final int alphabet;
    /** {@code next[state * alphabet + class]}. */
    final int[] next;
    /** Per state, the longest proper suffix that is also a state. */
    final int[] fail;
    /** Per state, the indices of the literals ending exactly there, in the order given, or {@code null}. */
    final int[][] literalsEndingAt;

    /** @param literals non-empty, all chars at most 0xFF */
    AhoCorasick(List<String> literals) {
        int classes = 1;
        for (String literal : literals) {
            for (int k = 0; k < literal.length(); k++) {
                int b = fold(literal.charAt(k));
                if (classOf[b] == 0) {
                    classOf[b] = classes++;
                }
            }
        }
        alphabet = classes;
        for (int upper = 'A'; upper <= 'Z'; upper++) {
            classOf[upper] = classOf[upper + ('a' - 'A')];
        }
        // The trie first: children[state * alphabet + class], 0 = none (the root is never a child).
        int[] trie = new int[alphabet * 16];
        List<int[]> ending = new ArrayList<>();
        ending.add(null);
        int states = 1;
        for (int index = 0; index < literals.size(); index++) {
            String literal = literals.get(index);
            int state = 0;
            for (int k = 0; k < literal.length(); k++) {
                int slot = state * alphabet + classOf[fold(literal.charAt(k))];
                if (trie[slot] == 0) {
                    if ((states + 1) * alphabet > trie.length) {
                        trie = Arrays.copyOf(trie, trie.length * 2);
                    }
                    trie[slot] = states++;
                    ending.add(null);
                }
                state = trie[slot];
            }
            int[] here = ending.get(state);
            int[] more = here == null ? new int[1] : Arrays.copyOf(here, here.length + 1);
            more[more.length - 1] = index;
            ending.set(state, more);
        }
        int[] table = Arrays.copyOf(trie, states * alphabet);
        int[] failOf = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < alphabet; c++) {
            if (table[c] != 0) {
                queue[tail++] = table[c];
            }
        }
        // INVARIANT: states leave the queue breadth-first, so fail[s] is complete before s's children use it.
        while (head < tail) {
            int s = queue[head++];
            for (int c = 0; c < alphabet; c++) {
                int child = table[s * alphabet + c];
                if (child != 0) {
                    failOf[child] = table[failOf[s] * alphabet + c];
                    queue[tail++] = child;
                } else {
                    table[s * alphabet + c] = table[failOf[s] * alphabet + c];
                }
            }
        }
        // Renumber breadth-first: the root stays 0, queue[i] becomes i + 1.
        int[] renumbered = new int[states];
        for (int i = 0; i < states - 1; i++) {
            renumbered[queue[i]] = i + 1;
        }
        next = new int[table.length];
        fail = new int[states];
        literalsEndingAt = new int[states][];
        for (int old = 0; old < states; old++) {
            int row = renumbered[old] * alphabet;
            for (int c = 0; c < alphabet; c++) {
                next[row + c] = renumbered[table[old * alphabet + c]];
            }
            fail[renumbered[old]] = renumbered[failOf[old]];
            literalsEndingAt[renumbered[old]] = ending.get(old);
        }
    }

    int states() {
        return fail.length;
    }

    private static int fold(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
