package dev.palisade.cli.tune;

import dev.palisade.engine.waf.ByteText;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The narrowest {@code on path …} that covers a set of request paths: {@code exact} for one path,
 * else the longest common prefix that ends on a segment boundary ({@code /search} for
 * {@code /search/a} and {@code /search/b}, never {@code /se}); none when that prefix is the root,
 * or when its bytes are not UTF-8, which no policy string can spell ({@link ByteText#text}).
 *
 * @param path the path or prefix as the WAF compares it: the request's bytes, one char each
 *
 * @param exact whether it is {@code exact} rather than {@code prefix}
 */
public record PathScope(boolean exact, String path) {

    public static Optional<PathScope> covering(Collection<String> paths) {
        return narrowest(paths).filter(scope -> ByteText.text(scope.path).isPresent());
    }

    /** The scope as the WAF compares it, in bytes; {@link #covering} drops one no policy text can spell. */
    private static Optional<PathScope> narrowest(Collection<String> paths) {
        List<String> distinct = paths.stream().distinct().sorted().toList();
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        if (distinct.size() == 1) {
            return Optional.of(new PathScope(true, distinct.get(0)));
        }
        String first = distinct.get(0);
        String last = distinct.get(distinct.size() - 1);
        int common = 0;
        while (common < first.length() && common < last.length() && first.charAt(common) == last.charAt(common)) {
            common++;
        }
        String prefix = first.substring(0, common);
        // A prefix that is a whole segment of every path, like "/search" for "/search" and "/search/x".
        boolean boundary = distinct.stream().allMatch(p -> p.length() == prefix.length() || p.charAt(prefix.length()) == '/');
        String segments = boundary ? prefix : prefix.substring(0, prefix.lastIndexOf('/') + 1);
        if (segments.endsWith("/") && segments.length() > 1) {
            segments = segments.substring(0, segments.length() - 1);
        }
        return segments.isEmpty() || segments.equals("/") ? Optional.empty() : Optional.of(new PathScope(false, segments));
    }

    /** {@code on path exact "/search"}. */
    public String toPalisade() {
        return "on path " + (exact ? "exact" : "prefix") + " " + Quoting.string(ByteText.text(path).orElseThrow());
    }
}
