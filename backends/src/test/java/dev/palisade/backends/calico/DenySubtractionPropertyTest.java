package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.ir.IrPath;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The set algebra on its own: where {@code allow \ deny} is expressible, a request matches one of
 * the matches left exactly when it matches the allow and not the deny. Paths and names come from
 * small pools so that prefixes nest and sets overlap.
 */
class DenySubtractionPropertyTest {
    private static final List<String> PATHS = List.of("/", "/a", "/a/b", "/a/b/c", "/ab", "/x");
    private static final List<String> NAMES = List.of("n1", "n2", "n3");

    @Property(tries = 2000)
    void whatIsLeftIsTheAllowWithoutTheDeny(@ForAll("matches") HttpMatch allow, @ForAll("matches") HttpMatch deny) {
        DenySubtraction.Outcome outcome = DenySubtraction.subtract(allow, deny);
        Statistics.label("expressible").collect(outcome.inexpressible().isEmpty());
        if (outcome.inexpressible().isPresent()) {
            return;
        }
        for (String method : List.of("GET", "POST", "PUT")) {
            for (String path : pathsAndUnnormalizable()) {
                for (String account : nullAnd(NAMES)) {
                    for (String namespace : nullAnd(NAMES)) {
                        boolean expected = matches(allow, method, path, account, namespace)
                                && !matches(deny, method, path, account, namespace);
                        boolean actual = outcome.left().stream().anyMatch(left -> matches(left, method, path, account, namespace));
                        assertEquals(expected, actual, () -> "allow " + allow + "\ndeny " + deny + "\nleft " + outcome.left()
                                + "\nrequest " + method + " " + path + " " + account + " " + namespace);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<HttpMatch> matches() {
        Arbitrary<Optional<SortedSet<String>>> methods = names(List.of("GET", "POST"));
        Arbitrary<Optional<List<IrPath>>> paths = Combinators.combine(Arbitraries.of(IrPath.Kind.values()), Arbitraries.of(PATHS))
                .as(IrPath::new).list().ofMinSize(1).ofMaxSize(3).optional(0.7);
        return Combinators.combine(methods, paths, names(NAMES), names(NAMES)).as(HttpMatch::new);
    }

    private static Arbitrary<Optional<SortedSet<String>>> names(List<String> pool) {
        return Arbitraries.of(pool).set().ofMinSize(1).ofMaxSize(2).map(set -> (SortedSet<String>) new TreeSet<>(set))
                .optional(0.6);
    }

    /** The matcher of one Calico rule, with Palisade's meaning of each condition. */
    private static boolean matches(HttpMatch match, String method, String path, String account, String namespace) {
        return match.methods().map(set -> set.contains(method)).orElse(true)
                && match.paths().map(list -> list.stream().anyMatch(p -> p.matches(path))).orElse(true)
                && match.serviceAccounts().map(set -> account != null && set.contains(account)).orElse(true)
                && match.namespaces().map(set -> namespace != null && set.contains(namespace)).orElse(true);
    }

    private static List<String> pathsAndUnnormalizable() {
        List<String> paths = new java.util.ArrayList<>(PATHS);
        paths.add("/a/b/c/d");
        paths.add("/abc");
        paths.add(null);
        return paths;
    }

    private static List<String> nullAnd(List<String> names) {
        List<String> values = new java.util.ArrayList<>(names);
        values.add(null);
        return values;
    }
}
