package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.PathNormalizer;
import java.util.List;
import java.util.Optional;

/**
 * The path sets of {@code for all} statements. Membership is decided on the normalized path,
 * exactly as ALP matches: {@code /./robots.txt} is in {@code ["/robots.txt"]}; a target that
 * cannot be normalized (ALP denies it whatever the rules say) is in no set, so it belongs to every
 * {@code not in} / {@code not under} set. {@code under "/a"} means {@code /a} and below, by whole
 * segments, like a {@code prefix} rule.
 */
final class PathSets {
    private PathSets() {}

    static boolean contains(Optional<TestDecl.PathSet> set, String target) {
        if (set.isEmpty()) {
            return true;
        }
        PathNormalizer.Result normalized = PathNormalizer.normalize(PathNormalizer.toByteString(target));
        boolean member = normalized.ok() && set.get().paths().stream()
                .map(literal -> PathNormalizer.normalizeRulePath(PathNormalizer.toByteString(literal.value())))
                .filter(PathNormalizer.Result::ok)
                .anyMatch(listed -> set.get().prefix() ? under(normalized.path(), listed.path())
                        : normalized.path().equals(listed.path()));
        return member != set.get().negated();
    }

    static List<String> listed(Optional<TestDecl.PathSet> set) {
        return set.map(paths -> paths.paths().stream().map(StringLiteral::value).toList()).orElse(List.of());
    }

    private static boolean under(String path, String prefix) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
