package dev.palisade.cli.tune;

import dev.palisade.cli.report.RequestPath;
import dev.palisade.engine.transform.UrlDecoding;

/**
 * The path a suggested {@code on path} scope is compared with: the WAF's {@code REQUEST_FILENAME}
 * for a logged request-target. That is the path percent-decoded once, as Apache decodes it before
 * ModSecurity reads it, and nothing else ({@code //} and {@code /./} stay), so a scope built from
 * the logged spelling ({@code /%73earch}) would never match the request it was meant for.
 */
final class FilenamePath {
    private FilenamePath() {}

    /**
     * {@code /search} for {@code /%73earch?q=1}. The WAF compares bytes, one a char, with the scope's
     * characters: {@code %C3%A9} is the two chars {@code \u00c3\u00a9}, which is what the scope must
     * hold (the suggested line spells them as escapes).
     */
    static String of(String target) {
        return UrlDecoding.decode(RequestPath.of(target), false, null);
    }
}
