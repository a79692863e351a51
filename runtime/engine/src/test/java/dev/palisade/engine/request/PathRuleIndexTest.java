package dev.palisade.engine.request;

import static dev.palisade.engine.request.PathRuleIndex.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.engine.request.PathRuleIndex.Entry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRuleIndexTest {

    private static Entry allowPrefix(int rule, String... prefixes) {
        return new Entry(rule, false, List.of(), List.of(prefixes));
    }

    private static Entry denyPrefix(int rule, String... prefixes) {
        return new Entry(rule, true, List.of(), List.of(prefixes));
    }

    private static Entry allowExact(int rule, String... paths) {
        return new Entry(rule, false, List.of(paths), List.of());
    }

    private static Entry denyExact(int rule, String... paths) {
        return new Entry(rule, true, List.of(paths), List.of());
    }

    /** Asserts {@code lookup(path)} as "deny,allow" so a failure shows both halves. */
    private static void assertFirst(PathRuleIndex index, String path, int deny, int allow) {
        long packed = index.lookup(path);
        assertEquals(
                name(deny) + "," + name(allow),
                name(PathRuleIndex.firstDeny(packed)) + "," + name(PathRuleIndex.firstAllow(packed)),
                () -> "lookup(" + path + ")");
    }

    private static String name(int rule) {
        return rule == NONE ? "NONE" : Integer.toString(rule);
    }

    @Test
    void prefixMatchesOnSegmentBoundaries() {
        PathRuleIndex index = new PathRuleIndex(List.of(allowPrefix(0, "/pub")));
        assertFirst(index, "/pub", NONE, 0);
        assertFirst(index, "/pub/x", NONE, 0);
        assertFirst(index, "/pub/x/y", NONE, 0);
        assertFirst(index, "/public", NONE, NONE);
        assertFirst(index, "/pu", NONE, NONE);
        assertFirst(index, "/", NONE, NONE);
        assertFirst(index, "/x/pub", NONE, NONE);
    }

    @Test
    void exactMatchesOnlyThatPath() {
        PathRuleIndex index = new PathRuleIndex(List.of(denyExact(0, "/a"), allowExact(1, "/")));
        assertFirst(index, "/a", 0, NONE);
        assertFirst(index, "/a/b", NONE, NONE);
        assertFirst(index, "/ab", NONE, NONE);
        assertFirst(index, "/", NONE, 1);
    }

    @Test
    void rootPrefixMatchesEveryPathButNull() {
        PathRuleIndex index = new PathRuleIndex(List.of(denyPrefix(3, "/")));
        assertFirst(index, "/", 3, NONE);
        assertFirst(index, "/a", 3, NONE);
        assertFirst(index, "/a/b/c", 3, NONE);
        assertFirst(index, null, NONE, NONE);
    }

    @Test
    void nullPathMatchesOnlyRulesWithoutPathCondition() {
        PathRuleIndex index = new PathRuleIndex(List.of(
                denyPrefix(0, "/"), allowExact(1, "/x"), new Entry(2, false, List.of(), List.of())));
        assertFirst(index, null, NONE, 2);
        assertFirst(index, "/x", 0, 1);
        assertFirst(index, "/y", 0, 2);
    }

    @Test
    void exactAndPrefixConditionsMix() {
        PathRuleIndex index = new PathRuleIndex(List.of(
                allowExact(0, "/a/b"), denyPrefix(1, "/a"), allowPrefix(2, "/a/b"), new Entry(3, true, List.of("/c"), List.of("/a/b/c"))));
        assertFirst(index, "/a/b", 1, 0);
        assertFirst(index, "/a/b/c", 1, 2);
        assertFirst(index, "/a/b/c/d", 1, 2);
        assertFirst(index, "/a", 1, NONE);
        assertFirst(index, "/a/bc", 1, NONE);
        assertFirst(index, "/c", 3, NONE);
        assertFirst(index, "/c/d", NONE, NONE);
    }

    @Test
    void takesTheSmallestRuleOfEachKindWhateverTheOrder() {
        PathRuleIndex index = new PathRuleIndex(List.of(
                denyPrefix(9, "/a"), allowPrefix(7, "/a"), denyExact(4, "/a/b"), allowPrefix(5, "/a/b"),
                denyPrefix(6, "/a/b"), allowExact(8, "/a/b"), allowPrefix(2, "/a/b/c")));
        assertFirst(index, "/a", 9, 7);
        assertFirst(index, "/a/b", 4, 5);
        assertFirst(index, "/a/b/x", 6, 5);
        assertFirst(index, "/a/b/c", 6, 2);
    }

    @Test
    void oneEntryMayNameSeveralPaths() {
        PathRuleIndex index = new PathRuleIndex(List.of(new Entry(0, true, List.of("/x", "/y"), List.of("/p", "/q"))));
        assertFirst(index, "/x", 0, NONE);
        assertFirst(index, "/y", 0, NONE);
        assertFirst(index, "/q/z", 0, NONE);
        assertFirst(index, "/z", NONE, NONE);
    }

    @Test
    void manyRules() {
        List<Entry> entries = new ArrayList<>();
        for (int rule = 0; rule < 200; rule++) {
            entries.add(new Entry(rule, rule % 3 == 0, List.of("/e" + rule), List.of("/r" + rule)));
        }
        entries.add(new Entry(200, false, List.of(), List.of()));
        PathRuleIndex index = new PathRuleIndex(entries);
        assertFirst(index, "/r150/x", 150, 200);
        assertFirst(index, "/r151", NONE, 151);
        assertFirst(index, "/e99", 99, 200);
        assertFirst(index, "/e99/x", NONE, 200);
        assertFirst(index, "/r1500", NONE, 200);
    }

    @Test
    void equalStringHashesAreToldApart() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals("/AaBB".hashCode(), "/BBAa".hashCode());
        PathRuleIndex index = new PathRuleIndex(List.of(
                denyExact(0, "/Aa"), allowExact(1, "/BB"), denyPrefix(2, "/AaBB"), allowPrefix(3, "/BBAa")));
        assertFirst(index, "/Aa", 0, NONE);
        assertFirst(index, "/BB", NONE, 1);
        assertFirst(index, "/AaBB/x", 2, NONE);
        assertFirst(index, "/BBAa/x", NONE, 3);
        assertFirst(index, "/AaAa", NONE, NONE);
        assertFirst(index, "/BBBB/x", NONE, NONE);
    }

    @Test
    void pathsLongerThanEveryConditionStillMatchTheirPrefixes() {
        PathRuleIndex index = new PathRuleIndex(List.of(denyPrefix(0, "/a"), allowExact(1, "/a/b")));
        assertFirst(index, "/a/" + "x".repeat(10_000), 0, NONE);
        assertFirst(index, "/b/" + "x".repeat(10_000), NONE, NONE);
    }

    @Test
    void noEntriesMatchNothing() {
        PathRuleIndex index = new PathRuleIndex(List.of());
        assertFirst(index, "/", NONE, NONE);
        assertFirst(index, "/a", NONE, NONE);
        assertFirst(index, null, NONE, NONE);
    }

    @Test
    void packsBothHalves() {
        PathRuleIndex index = new PathRuleIndex(List.of(denyPrefix(NONE - 1, "/"), allowPrefix(0, "/")));
        long packed = index.lookup("/x");
        assertEquals(NONE - 1, PathRuleIndex.firstDeny(packed));
        assertEquals(0, PathRuleIndex.firstAllow(packed));
    }

    @Test
    void rejectsPathsThatAreNotNormalized() {
        assertThrows(IllegalArgumentException.class, () -> allowPrefix(0, "/a/"));
        assertThrows(IllegalArgumentException.class, () -> allowExact(0, "a"));
        assertThrows(IllegalArgumentException.class, () -> allowExact(0, ""));
        assertThrows(IllegalArgumentException.class, () -> allowExact(-1, "/a"));
        assertThrows(IllegalArgumentException.class, () -> allowExact(NONE, "/a"));
    }

    /** Generated code calls lookup once per request; it must not create garbage. */
    @Test
    void lookupAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        PathRuleIndex index = new PathRuleIndex(List.of(denyPrefix(0, "/a/b"), allowExact(1, "/a/b/c"), allowPrefix(2, "/x")));
        String[] paths = {"/a/b/c", "/a/b/c/d/e/f", "/x", "/nothing/here", "/"};
        long checksum = 0;
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++) {
            checksum += index.lookup(paths[i % paths.length]);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // Well under one byte per lookup: a single allocation per call would be at least 16 bytes.
        assertTrue(allocated < 100_000, "allocated " + allocated + " bytes in 100000 lookups (checksum " + checksum + ")");
    }
}
