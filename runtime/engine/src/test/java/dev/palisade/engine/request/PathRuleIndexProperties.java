package dev.palisade.engine.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.request.PathRuleIndex.Entry;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@link PathRuleIndex#lookup} agrees with checking every entry one by one. */
class PathRuleIndexProperties {

    /**
     * Few segments, so conditions and requests share paths often; {@code pub}/{@code public} and
     * {@code a}/{@code ab} test segment boundaries, and {@code Aa}/{@code BB} have equal
     * {@link String#hashCode}s, so whole paths collide too.
     */
    private static final String[] SEGMENTS = {"a", "b", "ab", "pub", "public", "Aa", "BB"};

    /** The specification, written as plainly as possible. */
    static long reference(List<Entry> entries, String path) {
        int deny = PathRuleIndex.NONE;
        int allow = PathRuleIndex.NONE;
        for (Entry entry : entries) {
            if (matches(entry, path)) {
                if (entry.deny()) {
                    deny = Math.min(deny, entry.rule());
                } else {
                    allow = Math.min(allow, entry.rule());
                }
            }
        }
        return ((long) deny << 32) | (allow & 0xffffffffL);
    }

    private static boolean matches(Entry entry, String path) {
        if (entry.exact().isEmpty() && entry.prefixes().isEmpty()) {
            return true;
        }
        if (path == null) {
            return false;
        }
        if (entry.exact().contains(path)) {
            return true;
        }
        for (String prefix : entry.prefixes()) {
            if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Arbitrary<String> paths(int maxSegments) {
        return Arbitraries.of(SEGMENTS).list().ofMaxSize(maxSegments).map(segments -> "/" + String.join("/", segments));
    }

    private static Arbitrary<Entry> entry() {
        Arbitrary<List<String>> pathList = paths(3).list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.integers().between(0, 300), Arbitraries.of(true, false), pathList, pathList)
                .as(Entry::new);
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        return entry().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> requestPaths() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(12, paths(5)));
    }

    @Property
    void lookupAgreesWithCheckingEveryEntry(@ForAll("entries") List<Entry> entries, @ForAll("requestPaths") String path) {
        assertEquals(reference(entries, path), new PathRuleIndex(entries).lookup(path), () -> "path " + path + ", entries " + entries);
    }

    /** Requests built from the conditions themselves, so most of them match something. */
    @Provide
    Arbitrary<Tuple.Tuple2<List<Entry>, String>> entriesAndNearbyPath() {
        return entries().filter(list -> !list.isEmpty()).flatMap(list -> {
            Arbitrary<String> named = Arbitraries.of(list)
                    .flatMap(entry -> entry.exact().isEmpty() && entry.prefixes().isEmpty()
                            ? paths(5)
                            : Arbitraries.of(concat(entry.exact(), entry.prefixes())));
            Arbitrary<String> extended = Combinators.combine(named, paths(2))
                    .as((base, tail) -> base.equals("/") ? tail : tail.equals("/") ? base : base + tail);
            return Arbitraries.oneOf(named, extended).map(path -> Tuple.of(list, path));
        });
    }

    @Property
    void lookupAgreesOnPathsNearTheConditions(@ForAll("entriesAndNearbyPath") Tuple.Tuple2<List<Entry>, String> sample) {
        List<Entry> entries = sample.get1();
        String path = sample.get2();
        assertEquals(reference(entries, path), new PathRuleIndex(entries).lookup(path), () -> "path " + path + ", entries " + entries);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
