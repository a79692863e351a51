package dev.palisade.engine.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of transformations: an explicit list, no self-registration (STYLE.md §3). One
 * instance per class, shared by the interpreter and generated code.
 *
 * <p>ModSecurity accepts two spellings of the path normalisers ({@code normalisePath} and
 * {@code normalizePath}, likewise {@code …Win}); CRS uses both, so both are names here and map
 * to the same instance, whose {@link Transformation#name()} is the British spelling as in
 * ModSecurity's own class.
 */
public final class Transformations {

    private static final Map<String, Transformation> BY_NAME = byName();

    private Transformations() {}

    /** The transformation {@code t:name} refers to. Names are case-sensitive, as in ModSecurity v3. */
    public static Optional<Transformation> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every accepted name, aliases included. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    private static Map<String, Transformation> byName() {
        // Listed in CRS usage order first (crs-feature-usage.md), then the rest.
        List<Transformation> all = List.of(
                new NoneTransformation(),
                new UrlDecodeUniTransformation(),
                new LowercaseTransformation(),
                new HtmlEntityDecodeTransformation(),
                new Utf8toUnicodeTransformation(),
                new RemoveNullsTransformation(),
                new JsDecodeTransformation(),
                new CssDecodeTransformation(),
                new CmdLineTransformation(),
                new UrlDecodeTransformation(),
                new CompressWhitespaceTransformation(),
                new RemoveWhitespaceTransformation(),
                new NormalisePathTransformation(),
                new NormalisePathWinTransformation(),
                new Sha1Transformation(),
                new HexEncodeTransformation(),
                new LengthTransformation(),
                new ReplaceCommentsTransformation(),
                new Base64DecodeTransformation(),
                new UppercaseTransformation(),
                new UrlEncodeTransformation(),
                new ReplaceNullsTransformation(),
                new RemoveCommentsTransformation(),
                new RemoveCommentsCharTransformation(),
                new Base64DecodeExtTransformation(),
                new Base64EncodeTransformation(),
                new HexDecodeTransformation(),
                new Md5Transformation(),
                new TrimTransformation(),
                new TrimLeftTransformation(),
                new TrimRightTransformation(),
                new EscapeSeqDecodeTransformation(),
                new SqlHexDecodeTransformation(),
                new ParityEven7bitTransformation(),
                new ParityOdd7bitTransformation(),
                new ParityZero7bitTransformation());
        Map<String, Transformation> byName = new LinkedHashMap<>();
        for (Transformation transformation : all) {
            if (byName.put(transformation.name(), transformation) != null) {
                throw new IllegalStateException("two transformations named " + transformation.name());
            }
        }
        byName.put("normalizePath", byName.get("normalisePath"));
        byName.put("normalizePathWin", byName.get("normalisePathWin"));
        return Collections.unmodifiableMap(byName);
    }
}
