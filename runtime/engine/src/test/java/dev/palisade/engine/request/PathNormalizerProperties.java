package dev.palisade.engine.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Invariants of {@link PathNormalizer} on arbitrary and on path-like input. */
class PathNormalizerProperties {

    /** Pieces of ordinary paths: separators, dot segments, matrix parameters, queries. */
    private static final String[] PLAIN_PIECES = {
        "/", "/", "/", "/", "a", "b", "pub", ".", "..", "...", "\\", ";", ";x=1", "?", "#", "%2e", "%2E",
        "%2f", "%5c", "%3b", "%3f", "%41", "%c3%a9", "+", " ", ":", "\u00e9", "\u65e5",
    };

    /** Pieces that make a path rejected or odd: double and malformed escapes, NUL, a scheme. */
    private static final String[] HOSTILE_PIECES = {
        "%", "%252e", "%252f", "%255C", "%25", "%00", "%4", "%zz", "http://host", "\0",
    };

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(10_000);
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(10_000);
        return Arbitraries.oneOf(unicode, bytes, unicode.map(text -> "/" + text), bytes.map(text -> "/" + text), pathLike());
    }

    @Provide
    Arbitrary<String> pathLike() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(PLAIN_PIECES)), Tuple.of(1, Arbitraries.of(HOSTILE_PIECES)));
        Arbitrary<String> pieces = piece.list().ofMaxSize(40).map(list -> String.join("", list));
        return Arbitraries.frequencyOf(Tuple.of(1, pieces), Tuple.of(4, pieces.map(text -> "/" + text)));
    }

    @Property
    void neverThrowsAndOkResultsAreClean(@ForAll("anyText") String input) {
        PathNormalizer.Result result = PathNormalizer.normalize(input);
        assertNotEquals(result.ok(), result.rejection() != null, "exactly one of path and rejection");
        if (result.ok()) {
            assertClean(result.path());
        }
    }

    @Property
    void pathLikeOkResultsAreClean(@ForAll("pathLike") String input) {
        PathNormalizer.Result result = PathNormalizer.normalize(input);
        Assume.that(result.ok());
        assertClean(result.path());
    }

    private static void assertClean(String path) {
        assertTrue(path.startsWith("/"), path);
        assertFalse(path.contains("//"), path);
        assertFalse(path.contains("\\"), path);
        assertFalse(path.contains(";"), path);
        assertFalse(path.indexOf('\0') >= 0, path);
        assertTrue(path.equals("/") || !path.endsWith("/"), path);
        for (String segment : path.substring(1).split("/", -1)) {
            assertFalse(segment.equals(".") || segment.equals(".."), path);
        }
    }

    /**
     * Normalizing twice changes nothing, for results without {@code %}, {@code ?} or {@code #}. Those
     * three are excluded because they only appear when decoded from {@code %25}, {@code %3f} and
     * {@code %23}: as path data they are right, but read again they would be an escape, a query
     * or a fragment.
     */
    /** The fast path only answers for paths the full normalization would leave unchanged. */
    @Property
    void fastPathAgreesWithFullNormalization(@ForAll("pathLike") String input) {
        Assume.that(input.startsWith("/"));
        Assume.that(input.indexOf('?') < 0 && input.indexOf('#') < 0);
        if (PathNormalizer.alreadyNormal(input)) {
            assertEquals(PathNormalizer.Result.ok(input), PathNormalizer.normalizeSlowly(input), input);
        }
        assertEquals(PathNormalizer.normalizeSlowly(input), PathNormalizer.normalize(input), input);
    }

    @Property
    void idempotentWithoutEscapeQueryOrFragment(@ForAll("pathLike") String input) {
        PathNormalizer.Result once = PathNormalizer.normalize(input);
        Assume.that(once.ok());
        Assume.that(once.path().chars().noneMatch(c -> c == '%' || c == '?' || c == '#'));
        assertEquals(once, PathNormalizer.normalize(once.path()));
    }

    @Property
    void rulePathsAreUtf8EncodedRequests(@ForAll("anyText") String policyPath) {
        assertEquals(
                PathNormalizer.normalize(PathNormalizer.toByteString(policyPath)),
                PathNormalizer.normalizeRulePath(policyPath));
    }

    @Property
    void byteStringsRoundTripValidUtf8(@ForAll("anyText") String text) {
        Assume.that(text.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));
        String bytes = PathNormalizer.toByteString(text);
        assertTrue(bytes.chars().allMatch(c -> c <= 0xff));
        assertEquals(text, PathNormalizer.fromByteString(bytes));
    }
}
