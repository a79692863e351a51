package dev.palisade.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry, and the "unchanged means same instance" contract callers rely on. */
class TransformationsTest {

    @Test
    void eachNameFindsATransformationOfThatNameOrItsSpellingAlias() {
        for (String name : Transformations.names()) {
            Transformation transformation = Transformations.named(name).orElseThrow();
            assertEquals(name.replace("normalize", "normalise"), transformation.name());
        }
        assertSame(Transformations.named("normalisePath").orElseThrow(), Transformations.named("normalizePath").orElseThrow());
        assertSame(Transformations.named("normalisePathWin").orElseThrow(), Transformations.named("normalizePathWin").orElseThrow());
    }

    @Test
    void oneInstancePerClass() {
        Map<Transformation, Boolean> instances = new IdentityHashMap<>();
        Set<Class<?>> classes = new HashSet<>();
        for (String name : Transformations.names()) {
            Transformation transformation = Transformations.named(name).orElseThrow();
            instances.put(transformation, true);
            classes.add(transformation.getClass());
        }
        assertEquals(classes.size(), instances.size());
        assertEquals(36, classes.size());
    }

    @Test
    void unknownAndWronglyCasedNamesAreNotFound() {
        for (String name : List.of("", "lowerCase", "URLDECODE", "urldecodeuni", "reverse", "t:lowercase")) {
            assertTrue(Transformations.named(name).isEmpty(), name);
        }
    }

    /** Inputs each transformation leaves as they are; the very instance must come back. */
    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "none|``", "none|`Hello World`",
        "lowercase|``", "lowercase|`already lower 123 é`", "uppercase|`SHOUT 123`",
        "urlDecode|`no escapes here`", "urlDecode|`%zz and % and %4`",
        "urlDecodeUni|`plain`", "urlDecodeUni|`%u12 %uzzzz %g0`",
        "urlEncode|`abcXYZ019*`",
        "htmlEntityDecode|`a & b`", "htmlEntityDecode|`&copy; &#; &`",
        "jsDecode|`no backslash`", "jsDecode|`\\`",
        "cssDecode|`color: red`",
        "cmdLine|`cat/etc/passwd`", "cmdLine|`ls -la`",
        "compressWhitespace|`one two three`", "removeWhitespace|`nowhitespace`",
        "removeNulls|`text`", "replaceNulls|`text`",
        "removeComments|`select 1`", "removeCommentsChar|`select 1`", "replaceComments|`a */ b`",
        "normalisePath|`/a/b/c`", "normalizePath|`a/b`", "normalisePathWin|`/x/y`", "normalizePathWin|`../a`",
        "trim|`x y`", "trimLeft|`x `", "trimRight|` x`",
        "utf8toUnicode|`ascii only`", "escapeSeqDecode|`plain`", "sqlHexDecode|`0x 0xZZ x41`",
        "parityZero7bit|`seven bit`", "parityEven7bit|`c`", "parityOdd7bit|`a`", "length|`1`", "hexDecode|``",
        "hexEncode|``", "base64Encode|``", "base64Decode|``", "base64DecodeExt|``",
    })
    void returnsTheSameInstanceWhenNothingChanges(String name, String input) {
        String value = new String(input.toCharArray()); // a fresh instance, not an interned literal
        assertSame(value, Transformations.named(name).orElseThrow().apply(value));
    }
}
