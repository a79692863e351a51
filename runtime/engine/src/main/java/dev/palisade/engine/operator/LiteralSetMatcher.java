package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final int[] classOf = new int[256];
    private final int alphabet;
    private int[] next;
    /** Per state, the sets with a literal ending there, or {@code null}. */
    private int[][] output;
    /** Per state, {@link #output} as a bit set over the sets (what a scan ORs in), or {@code null}. */
    private long[][] endMasks;

    private LiteralSetMatcher(List<List<String>> literalSets) {
        sets = literalSets.size();
        int classes = 1;
        for (List<String> set : literalSets) {
            for (String literal : set) {
                for (int k = 0; k < literal.length(); k++) {
                    int b = fold(literal.charAt(k));
                    if (classOf[b] == 0) {
                        classOf[b] = classes++;
                    }
                }
            }
        }
        alphabet = classes;
        for (int upper = 'A'; upper <= 'Z'; upper++) {
            classOf[upper] = classOf[upper + ('a' - 'A')];
        }
        int[] trie = new int[alphabet * 16];
        List<int[]> ending = new ArrayList<>();
        ending.add(null);
        int states = 1;
        for (int set = 0; set < literalSets.size(); set++) {
            for (String literal : literalSets.get(set)) {
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
                ending.set(state, with(ending.get(state), set));
            }
        }
        next = Arrays.copyOf(trie, states * alphabet);
        output = ending.toArray(new int[0][]);
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < alphabet; c++) {
            if (next[c] != 0) {
                queue[tail++] = next[c];
            }
        }
        // INVARIANT: states leave the queue in breadth-first order, so a state's fail state has its
        // complete output before the state takes it over.
        while (head < tail) {
            int s = queue[head++];
            output[s] = union(output[s], output[fail[s]]);
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
        renumberBreadthFirst(queue);
    }

    /**
     * Numbers the states in breadth-first order (the order {@code queue} holds them in). Ordinary
     * text keeps the automaton near the root, so its rows then sit together at the start of the
     * table, in cache, rather than scattered over megabytes in the order literals were added.
     */
    private void renumberBreadthFirst(int[] queue) {
        int states = output.length;
        int[] renumbered = new int[states];
        for (int i = 0; i < states - 1; i++) {
            renumbered[queue[i]] = i + 1;
        }
        int[] table = new int[next.length];
        int[][] ends = new int[states][];
        for (int old = 0; old < states; old++) {
            int row = renumbered[old] * alphabet;
            for (int c = 0; c < alphabet; c++) {
                table[row + c] = renumbered[next[old * alphabet + c]];
            }
            ends[renumbered[old]] = output[old];
        }
        next = table;
        output = ends;
        endMasks = new long[states][];
        for (int state = 0; state < states; state++) {
            if (ends[state] != null) {
                endMasks[state] = new long[words()];
                for (int set : ends[state]) {
                    endMasks[state][set >>> 6] |= 1L << set;
                }
            }
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
        return output.length;
    }

    /** Sets bit {@code s} of {@code found} for every set {@code s} with a literal in {@code value}. */
    public void scan(String value, long[] found) {
        int state = 0;
        for (int k = 0, n = value.length(); k < n; k++) {
            char c = value.charAt(k);
            state = next[state * alphabet + (c <= 0xFF ? classOf[c] : 0)];
            long[] ends = endMasks[state];
            if (ends != null) {
                for (int w = 0; w < ends.length; w++) {
                    found[w] |= ends[w];
                }
            }
        }
    }

    private static int[] with(int[] sets, int set) {
        if (sets == null) {
            return new int[] {set};
        }
        for (int s : sets) {
            if (s == set) {
                return sets;
            }
        }
        int[] more = Arrays.copyOf(sets, sets.length + 1);
        more[sets.length] = set;
        return more;
    }

    private static int[] union(int[] own, int[] inherited) {
        if (inherited == null) {
            return own;
        }
        int[] all = own;
        for (int set : inherited) {
            all = with(all, set);
        }
        return all;
    }

    private static int fold(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
