package dev.palisade.engine.request;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The optimizer's path table for one ALP policy and one method class: given a normalized path,
 * the first deny rule and the first allow rule whose path condition matches it. Generated code
 * calls {@link #lookup} once per request, so it allocates nothing.
 *
 * <p>Matching. An exact path {@code /a} matches the path {@code /a} only. A prefix matches on
 * segment boundaries: {@code /pub} matches {@code /pub} and {@code /pub/x} but not
 * {@code /public}, and {@code /} matches every path. A rule with neither matches every request,
 * even one whose path could not be normalized ({@code null}).
 *
 * <p>Algorithm. At construction every distinct path of a condition gets one slot in an
 * open-addressing hash table (linear probing, load at most one half) holding four minimums over
 * the entries that name it: deny and allow rule among exact conditions, deny and allow rule among
 * prefix conditions. The root prefix and the unconditional rules are kept as four plain minimums
 * beside the table. {@link #lookup} scans the path once, keeping the {@link String#hashCode} of
 * the part seen so far ({@code h = 31 * h + c}); at every {@code /} after the first char, the part
 * before it ({@code /a} and {@code /a/b} for {@code /a/b/c}) is a proper prefix candidate and is
 * probed for its prefix minimums; at the end the whole path is probed for both kinds. A probe
 * compares the stored hash, then the length, then the chars with
 * {@link String#regionMatches(int, String, int, int)}, so no substring is made. The answer is the
 * minimum of everything found. The scan stops after the longest stored path: nothing longer can
 * match, so a long request path costs no more than a short one.
 */
public final class PathRuleIndex {

    public static final int NONE = Integer.MAX_VALUE;

    /**
     * One ALP rule: its index in the policy (source order), whether it denies, and its path
     * conditions as normalized byte-string paths (see {@link PathNormalizer}). {@code exact} and
     * {@code prefixes} both empty = the rule has no path condition and matches every path,
     * including a {@code null} path.
     */
    public record Entry(int rule, boolean deny, List<String> exact, List<String> prefixes) {
        public Entry {
            if (rule < 0 || rule == NONE) {
                throw new IllegalArgumentException("rule index out of range: " + rule);
            }
            exact = List.copyOf(exact);
            prefixes = List.copyOf(prefixes);
            exact.forEach(Entry::checkNormalized);
            prefixes.forEach(Entry::checkNormalized);
        }

        /** A path that is not normalized would silently never match; better to fail at load time. */
        private static void checkNormalized(String path) {
            if (!path.startsWith("/") || path.length() > 1 && path.endsWith("/")) {
                throw new IllegalArgumentException("not a normalized path: \"" + path + "\"");
            }
        }
    }

    // INVARIANT: keys.length is a power of two and at least twice the number of keys, so every
    // probe sequence reaches a null slot.
    private final String[] keys;
    private final int[] hashes;
    private final int[] exactDeny;
    private final int[] exactAllow;
    private final int[] prefixDeny;
    private final int[] prefixAllow;
    private final int mask;
    private final int longestKey;
    private final int rootDeny;
    private final int rootAllow;
    private final int unconditionalDeny;
    private final int unconditionalAllow;

    public PathRuleIndex(List<Entry> entries) {
        Set<String> distinct = new LinkedHashSet<>();
        for (Entry entry : entries) {
            distinct.addAll(entry.exact());
            for (String prefix : entry.prefixes()) {
                if (!prefix.equals("/")) { // the root prefix has its own minimums
                    distinct.add(prefix);
                }
            }
        }
        int capacity = Integer.highestOneBit(Math.max(1, distinct.size())) << 2;
        keys = new String[capacity];
        hashes = new int[capacity];
        exactDeny = filledWithNone(capacity);
        exactAllow = filledWithNone(capacity);
        prefixDeny = filledWithNone(capacity);
        prefixAllow = filledWithNone(capacity);
        mask = capacity - 1;
        int longest = 0;
        for (String key : distinct) {
            int slot = spread(key.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = key.hashCode();
            longest = Math.max(longest, key.length());
        }
        longestKey = longest;
        // index 0: deny, 1: allow
        int[] root = {NONE, NONE};
        int[] unconditional = {NONE, NONE};
        for (Entry entry : entries) {
            int kind = entry.deny() ? 0 : 1;
            int[] exactMins = entry.deny() ? exactDeny : exactAllow;
            int[] prefixMins = entry.deny() ? prefixDeny : prefixAllow;
            for (String path : entry.exact()) {
                int slot = find(path, path.hashCode(), path.length());
                exactMins[slot] = Math.min(exactMins[slot], entry.rule());
            }
            for (String path : entry.prefixes()) {
                if (path.equals("/")) {
                    root[kind] = Math.min(root[kind], entry.rule());
                } else {
                    int slot = find(path, path.hashCode(), path.length());
                    prefixMins[slot] = Math.min(prefixMins[slot], entry.rule());
                }
            }
            if (entry.exact().isEmpty() && entry.prefixes().isEmpty()) {
                unconditional[kind] = Math.min(unconditional[kind], entry.rule());
            }
        }
        rootDeny = root[0];
        rootAllow = root[1];
        unconditionalDeny = unconditional[0];
        unconditionalAllow = unconditional[1];
    }

    /**
     * packed = {@code ((long) firstDeny << 32) | (firstAllow & 0xffffffffL)}; each is the smallest
     * matching rule index of that kind, or {@link #NONE}. {@code path} may be {@code null}
     * (unnormalizable request): then only entries without path conditions match.
     */
    public long lookup(String path) {
        if (path == null) {
            return pack(unconditionalDeny, unconditionalAllow);
        }
        int deny = Math.min(unconditionalDeny, rootDeny);
        int allow = Math.min(unconditionalAllow, rootAllow);
        int length = path.length();
        // A '/' at index longestKey still ends a candidate prefix of length longestKey.
        int scanned = Math.min(length, longestKey + 1);
        int hash = 0;
        for (int i = 0; i < scanned; i++) {
            char c = path.charAt(i);
            if (c == '/' && i > 0) {
                int slot = find(path, hash, i);
                if (slot >= 0) {
                    deny = Math.min(deny, prefixDeny[slot]);
                    allow = Math.min(allow, prefixAllow[slot]);
                }
            }
            hash = 31 * hash + c;
        }
        if (length <= longestKey) {
            int slot = find(path, hash, length);
            if (slot >= 0) {
                deny = Math.min(deny, Math.min(exactDeny[slot], prefixDeny[slot]));
                allow = Math.min(allow, Math.min(exactAllow[slot], prefixAllow[slot]));
            }
        }
        return pack(deny, allow);
    }

    public static int firstDeny(long packed) {
        return (int) (packed >>> 32);
    }

    public static int firstAllow(long packed) {
        return (int) packed;
    }

    private static long pack(int deny, int allow) {
        return ((long) deny << 32) | (allow & 0xffffffffL);
    }

    /** The slot of the key equal to {@code path}'s first {@code length} chars, or -1. */
    private int find(String path, int hash, int length) {
        int slot = spread(hash) & mask;
        for (String key = keys[slot]; key != null; key = keys[slot]) {
            if (hashes[slot] == hash && key.length() == length && path.regionMatches(0, key, 0, length)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** String hashes of similar paths differ mostly in low bits; fold the high bits in too. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static int[] filledWithNone(int length) {
        int[] mins = new int[length];
        Arrays.fill(mins, NONE);
        return mins;
    }
}
