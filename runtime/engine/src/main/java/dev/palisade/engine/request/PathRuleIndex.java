package dev.palisade.engine.request;

import java.util.List;

/**
 * The optimizer's path table for one policy and one method class: finds the first matching deny
 * rule and the first matching allow rule for a normalized path, walking the path once and
 * allocating nothing.
 *
 * <p>Every distinct exact path and every distinct prefix is a key of an open-addressing table
 * holding the smallest deny and allow rule index among the rules naming it. A lookup hashes the
 * path incrementally, {@code h = 31 * h + c} (the {@link String#hashCode()} recurrence), and at
 * each {@code /} past the first character probes the prefix table with the hash of the path so
 * far; at the end it probes the exact and prefix tables with the whole path. A prefix {@code p}
 * thereby matches {@code p} itself and {@code p/…}, on segment boundaries only, and the prefix
 * {@code /} matches every path. Rules without a path condition match every path, even
 * {@code null} (a request-target that could not be normalized).
 */
public final class PathRuleIndex {
    public static final int NONE = Integer.MAX_VALUE;

    /**
     * One ALP rule. {@code exact} and {@code prefixes} are normalized byte-string paths; both
     * empty means the rule has no path condition.
     */
    public record Entry(int rule, boolean deny, List<String> exact, List<String> prefixes) {
        public Entry {
            exact = List.copyOf(exact);
            prefixes = List.copyOf(prefixes);
        }
    }

    private final Table exact;
    private final Table prefixes;
    private final int anyPathDeny;
    private final int anyPathAllow;
    private final int rootDeny;
    private final int rootAllow;

    public PathRuleIndex(List<Entry> entries) {
        int denyAny = NONE;
        int allowAny = NONE;
        int denyRoot = NONE;
        int allowRoot = NONE;
        int keys = 0;
        for (Entry entry : entries) {
            keys += entry.exact().size() + entry.prefixes().size();
        }
        this.exact = new Table(keys);
        this.prefixes = new Table(keys);
        for (Entry entry : entries) {
            if (entry.exact().isEmpty() && entry.prefixes().isEmpty()) {
                if (entry.deny()) {
                    denyAny = Math.min(denyAny, entry.rule());
                } else {
                    allowAny = Math.min(allowAny, entry.rule());
                }
            }
            for (String path : entry.exact()) {
                exact.add(path, entry.rule(), entry.deny());
            }
            for (String prefix : entry.prefixes()) {
                if (prefix.equals("/")) {
                    if (entry.deny()) {
                        denyRoot = Math.min(denyRoot, entry.rule());
                    } else {
                        allowRoot = Math.min(allowRoot, entry.rule());
                    }
                } else {
                    prefixes.add(prefix, entry.rule(), entry.deny());
                }
            }
        }
        this.anyPathDeny = denyAny;
        this.anyPathAllow = allowAny;
        this.rootDeny = denyRoot;
        this.rootAllow = allowRoot;
    }

    /** {@code ((long) firstDeny << 32) | firstAllow}, each {@link #NONE} when no rule of that kind matches. */
    public long lookup(String path) {
        int deny = anyPathDeny;
        int allow = anyPathAllow;
        if (path != null) {
            deny = Math.min(deny, rootDeny);
            allow = Math.min(allow, rootAllow);
            int hash = 0;
            int length = path.length();
            for (int i = 0; i < length; i++) {
                char c = path.charAt(i);
                if (c == '/' && i > 0) {
                    int slot = prefixes.find(path, i, hash);
                    if (slot >= 0) {
                        deny = Math.min(deny, prefixes.deny[slot]);
                        allow = Math.min(allow, prefixes.allow[slot]);
                    }
                }
                hash = 31 * hash + c;
            }
            int slot = prefixes.find(path, length, hash);
            if (slot >= 0) {
                deny = Math.min(deny, prefixes.deny[slot]);
                allow = Math.min(allow, prefixes.allow[slot]);
            }
            slot = exact.find(path, length, hash);
            if (slot >= 0) {
                deny = Math.min(deny, exact.deny[slot]);
                allow = Math.min(allow, exact.allow[slot]);
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

    /** Open addressing, linear probing, power-of-two capacity at most half full. */
    private static final class Table {
        private final String[] keys;
        private final int[] hashes;
        final int[] deny;
        final int[] allow;
        private final int mask;

        Table(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected * 2 + 1)) << 1;
            keys = new String[capacity];
            hashes = new int[capacity];
            deny = new int[capacity];
            allow = new int[capacity];
            mask = capacity - 1;
        }

        void add(String key, int rule, boolean isDeny) {
            int hash = key.hashCode();
            int slot = find(key, key.length(), hash);
            if (slot < 0) {
                slot = spread(hash) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                hashes[slot] = hash;
                deny[slot] = NONE;
                allow[slot] = NONE;
            }
            if (isDeny) {
                deny[slot] = Math.min(deny[slot], rule);
            } else {
                allow[slot] = Math.min(allow[slot], rule);
            }
        }

        /** The slot of the key equal to {@code path[0, length)}, whose hash is {@code hash}; or -1. */
        int find(String path, int length, int hash) {
            int slot = spread(hash) & mask;
            while (true) {
                String key = keys[slot];
                if (key == null) {
                    return -1;
                }
                if (hashes[slot] == hash && key.length() == length && path.regionMatches(0, key, 0, length)) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
