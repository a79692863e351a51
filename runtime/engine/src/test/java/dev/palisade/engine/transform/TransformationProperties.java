package dev.palisade.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Invariants of every transformation on arbitrary byte strings. */
class TransformationProperties {

    /** Pieces that reach the interesting branches: escapes, entities, comments, UTF-8. */
    private static final String[] PIECES = {
        "%", "%u", "%uff41", "%U0041", "%41", "%4", "+", "&", "&#", "&#x41;", "&lt", "&nbsp;", "\\", "\\u00", "\\x4",
        "\\101", "\\\n", "/*", "*/", "<!--", "-->", "--", "#", "/", "..", ".", "\0", " ", "\t", "\u00a0", "0x41",
        "\u00c3\u00a9", "\u00e2\u0082\u00ac", "\u00f0\u009f\u0098\u0080", "\u00ed\u00a0\u0080", "\u00c0\u00af", "\u00f5", "=",
        "QUJD", "a", "Z", "^", "\"", ",", ";", "(",
    };

    @Provide
    Arbitrary<String> byteStrings() {
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(10_000);
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(200).map(list -> String.join("", list));
        return Arbitraries.frequencyOf(Tuple.of(1, bytes), Tuple.of(1, pieces));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(List.copyOf(Transformations.names()));
    }

    @Property(tries = 1000)
    void neverThrowsAndYieldsOnlyBytes(@ForAll("names") String name, @ForAll("byteStrings") String value) {
        String result = Transformations.named(name).orElseThrow().apply(value);
        assertNotNull(result);
        for (int i = 0; i < result.length(); i++) {
            assertTrue(result.charAt(i) <= 0xff, () -> name + " produced a char above 0xFF");
        }
    }

    @Property(tries = 1000)
    void everyTransformationHandlesEveryInput(@ForAll("byteStrings") String value) {
        for (String name : Transformations.names()) {
            String result = Transformations.named(name).orElseThrow().apply(value);
            for (int i = 0; i < result.length(); i++) {
                assertTrue(result.charAt(i) <= 0xff, () -> name + " produced a char above 0xFF");
            }
        }
    }

    @Provide
    Arbitrary<String> idempotentNames() {
        // Not removeCommentsChar ("/#*" gives "/*", then ""), nor the decoders (one pass only).
        return Arbitraries.of("lowercase", "uppercase", "removeNulls", "replaceNulls", "compressWhitespace", "removeWhitespace",
                "trim", "trimLeft", "trimRight", "parityZero7bit", "cmdLine");
    }

    /** ModSecurity's semantics make these hold: each removes or folds what it would act on next. */
    @Property(tries = 1000)
    void idempotent(@ForAll("idempotentNames") String name, @ForAll("byteStrings") String value) {
        Transformation transformation = Transformations.named(name).orElseThrow();
        String once = transformation.apply(value);
        String twice = transformation.apply(once);
        assertEquals(once, twice);
        assertTrue(once == twice, "the second application changes nothing, so returns the same instance");
    }
}
