package dev.palisade.cli.testing;

import dev.palisade.compiler.lower.HttpMethods;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.TestDecl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Requests for a {@code for all} statement, from jqwik's arbitraries (so jqwik shrinks them):
 * methods from the statement (or every standard method), paths built from the segments the
 * policies and the statement name — the places where rules start and stop matching — mixed with
 * random segments and the tricks that bypass naive matchers ({@code ..}, {@code .}, empty segments,
 * percent-encoding, trailing slashes), kept to those in the statement's path set.
 */
final class PropertyRequests {
    /** A generated request before it gets its headers: method, request target, the corpus value if any. */
    record Generated(String method, String target, Optional<String> value) {}

    private static final List<String> TRICKS = List.of("..", ".", "", "%2e%2e", "%2e", "%2F", "..;", "%252e");

    private PropertyRequests() {}

    /** @param corpus the values the statement's {@code form … from} file holds, or empty without one */
    static Arbitrary<Generated> of(TestDecl.Quantifier statement, List<String> rulePaths, List<String> corpus) {
        Arbitrary<String> methods = statement.methods().isEmpty() ? Arbitraries.of(HttpMethods.STANDARD)
                : Arbitraries.of(statement.methods().stream().map(MethodRef::name).distinct().toList());
        // A statement with a corpus is about the values: its paths are plain (the statement's own paths and
        // letters-and-digits segments below them, no dot segments or encodings, which the WAF rightly flags
        // whatever the value, nor the bundle's other paths such as "/.git"), so a failure is the value's.
        Arbitrary<String> paths = (corpus.isEmpty()
                ? paths(new ArrayList<>(new LinkedHashSet<>(concat(rulePaths, PathSets.listed(statement.paths())))))
                : plainPaths(PathSets.listed(statement.paths())))
                .filter(target -> PathSets.contains(statement.paths(), target));
        // jqwik shrinks a value from a list towards the list's first entries: a failure names an early line.
        Arbitrary<Optional<String>> values = corpus.isEmpty() ? Arbitraries.just(Optional.empty())
                : Arbitraries.of(corpus).map(Optional::of);
        return Combinators.combine(methods, paths, values).as(Generated::new);
    }

    private static Arbitrary<String> plainPaths(List<String> listed) {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcxyz019_-").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> built = segment.list().ofMaxSize(3).map(parts -> "/" + String.join("/", parts));
        if (listed.isEmpty()) {
            return built;
        }
        Arbitrary<String> exact = Arbitraries.of(listed);
        Arbitrary<String> below = Combinators.combine(exact, segment)
                .as((path, next) -> (path.endsWith("/") ? path : path + "/") + next);
        return Arbitraries.frequencyOf(Tuple.of(3, exact), Tuple.of(2, below), Tuple.of(1, built));
    }

    private static Arbitrary<String> paths(List<String> known) {
        Set<String> segments = new LinkedHashSet<>();
        for (String path : known) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        Arbitrary<String> random = Arbitraries.strings().withChars("abcxyz019._-~").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> segment = segments.isEmpty()
                ? Arbitraries.frequencyOf(Tuple.of(4, random), Tuple.of(1, Arbitraries.of(TRICKS)))
                : Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(List.copyOf(segments))),
                        Tuple.of(3, random), Tuple.of(1, Arbitraries.of(TRICKS)));
        Arbitrary<String> built = segment.list().ofMaxSize(5)
                .flatMap(parts -> Arbitraries.of("", "/").map(trailing -> "/" + String.join("/", parts)
                        + (parts.isEmpty() ? "" : trailing)));
        if (known.isEmpty()) {
            return built;
        }
        Arbitrary<String> exact = Arbitraries.of(known);
        Arbitrary<String> below = Combinators.combine(exact, segment)
                .as((path, next) -> (path.endsWith("/") ? path : path + "/") + next);
        Arbitrary<String> disguised = Combinators.combine(exact, Arbitraries.of("/.", "/", "/x/.."))
                .as((path, trick) -> trick + path);
        return Arbitraries.frequencyOf(Tuple.of(2, exact), Tuple.of(3, below),
                Tuple.of(1, disguised), Tuple.of(4, built));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
