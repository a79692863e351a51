package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The suggested path scope covers every benign request's path, and nothing narrower would. */
class PathScopeProperties {

    @Provide
    Arbitrary<List<String>> paths() {
        // Few, short segments so that paths often share prefixes, including ones that are not whole segments.
        Arbitrary<String> segment = Arbitraries.of("a", "ab", "abc", "b", "search", "searches");
        Arbitrary<String> path = segment.list().ofMinSize(0).ofMaxSize(3)
                .map(segments -> "/" + String.join("/", segments));
        return path.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 500)
    void coversEveryPathAndIsTheNarrowestThatDoes(@ForAll("paths") List<String> paths) {
        Optional<PathScope> scope = PathScope.covering(paths);
        if (paths.stream().distinct().count() == 1) {
            assertEquals(Optional.of(new PathScope(true, paths.get(0))), scope);
            return;
        }
        if (scope.isEmpty()) {
            // Nothing but the root covers them: some path is the root, or their first segments differ.
            assertTrue(paths.contains("/") || paths.stream().map(PathScopeProperties::firstSegment).distinct().count() > 1,
                    paths::toString);
            return;
        }
        String prefix = scope.get().path();
        assertFalse(scope.get().exact());
        for (String path : paths) {
            assertTrue(under(path, prefix), () -> path + " is not under " + prefix);
        }
        // One more segment of any covered path would leave some other path out.
        for (String path : paths) {
            if (path.length() > prefix.length()) {
                int next = path.indexOf('/', prefix.length() + 1);
                String longer = next < 0 ? path : path.substring(0, next);
                assertFalse(paths.stream().allMatch(p -> under(p, longer)), () -> longer + " also covers " + paths);
            }
        }
    }

    @Example
    void segmentBoundariesNotCharacters() {
        assertEquals(Optional.of(new PathScope(false, "/search")),
                PathScope.covering(List.of("/search/books", "/search/music")));
        assertEquals(Optional.empty(), PathScope.covering(List.of("/search", "/searches")));
        assertEquals(Optional.of(new PathScope(true, "/profile")), PathScope.covering(List.of("/profile", "/profile")));
        assertEquals("on path prefix \"/search\"", new PathScope(false, "/search").toPalisade());
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String firstSegment(String path) {
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }
}
