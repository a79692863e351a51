package dev.palisade.backends.envoy;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import java.util.Locale;

/**
 * What Envoy's HTTP connection manager does to {@code :path} before any HTTP filter sees it, as
 * the parsed HCM config says, following Envoy's documentation and its
 * {@code ConnectionManagerUtility::maybeNormalizePath}: the fragment is stripped; then, in the
 * path part (before {@code ?}), {@code path_with_escaped_slashes_action}; then
 * {@code normalize_path} (RFC 3986 via Envoy's snapshot of Chromium's path canonicalizer); then
 * {@code merge_slashes}. A path Envoy refuses (400) is {@code null}.
 *
 * <p>The canonicalizer, as documented in Chromium's {@code url_canon_path.cc}: {@code .} and
 * {@code ..} segments are removed ({@code %2e} counts as a dot; a backslash counts as a slash),
 * never above the root, and an empty segment counts as one for {@code ..}; backslashes become
 * slashes; escapes of unreserved characters are decoded, other escapes are kept as written (hex
 * case too), characters that must be escaped are escaped with upper-case hex; a NUL byte or
 * {@code %00} fails. Not modelled: Chromium's fix-up of nested escapes like {@code %%30} (the
 * property leaves out paths with malformed escapes).
 */
final class EnvoyPathNormalization {
    private static final String PASSED = "!$&'()*+,/:;=@[]";

    private EnvoyPathNormalization() {}

    /** The {@code :path} RBAC sees (query included), or {@code null} when Envoy answers 400. */
    static String normalize(String target, HttpConnectionManager hcm) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return null; // Envoy serves only origin-form paths at the filter layer
        }
        int fragment = target.indexOf('#');
        String withoutFragment = fragment < 0 ? target : target.substring(0, fragment);
        int queryStart = withoutFragment.indexOf('?');
        String path = queryStart < 0 ? withoutFragment : withoutFragment.substring(0, queryStart);
        String query = queryStart < 0 ? "" : withoutFragment.substring(queryStart);
        PathWithEscapedSlashesAction action = hcm.getPathWithEscapedSlashesAction();
        if (action != PathWithEscapedSlashesAction.KEEP_UNCHANGED
                && action != PathWithEscapedSlashesAction.IMPLEMENTATION_SPECIFIC_DEFAULT) {
            String unescaped = path.replace("%2F", "/").replace("%2f", "/").replace("%5C", "\\").replace("%5c", "\\");
            if (!unescaped.equals(path) && action != PathWithEscapedSlashesAction.UNESCAPE_AND_FORWARD) {
                return null; // REJECT_REQUEST: 400; UNESCAPE_AND_REDIRECT: a redirect, not the request
            }
            path = unescaped;
        }
        if (hcm.getNormalizePath().getValue()) {
            path = canonicalize(path);
            if (path == null) {
                return null;
            }
        }
        if (hcm.getMergeSlashes()) {
            path = path.replaceAll("/{2,}", "/");
        }
        return path + query;
    }

    /** Chromium's path canonicalization; {@code null} when it fails. */
    static String canonicalize(String path) {
        StringBuilder out = new StringBuilder();
        if (path.isEmpty() || !isSlash(path.charAt(0))) {
            out.append('/');
        }
        boolean ok = true;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int dot = dotLength(path, i);
            if (dot > 0) {
                if (out.length() > 0 && out.charAt(out.length() - 1) == '/') {
                    int after = i + dot;
                    int second = after < path.length() ? dotLength(path, after) : 0;
                    if (after == path.length() || isSlash(path.charAt(after))) {
                        i = after == path.length() ? after - 1 : after; // "." segment: skip it and its slash
                    } else if (second > 0 && (after + second == path.length() || isSlash(path.charAt(after + second)))) {
                        backUpToPreviousSlash(out);
                        i = after + second == path.length() ? after + second - 1 : after + second;
                    } else {
                        out.append('.');
                        i += dot - 1;
                    }
                } else {
                    out.append('.');
                    i += dot - 1;
                }
            } else if (c == '\\') {
                out.append('/');
            } else if (c == '%') {
                int value = i + 2 < path.length() ? hex(path.charAt(i + 1), path.charAt(i + 2)) : -1;
                if (value < 0) {
                    out.append('%'); // an invalid escape is passed on
                } else {
                    if (isUnescaped((char) value)) {
                        out.append((char) value);
                    } else {
                        out.append('%').append(path.charAt(i + 1)).append(path.charAt(i + 2));
                        ok &= value != 0;
                    }
                    i += 2;
                }
            } else if (c == 0) {
                return null;
            } else if (c == '/' || isUnescaped(c) || PASSED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c & 0xFF));
            }
        }
        return ok ? out.toString() : null;
    }

    /** Letters, digits, {@code - _ ~} (the dot is handled as a dot). */
    private static boolean isUnescaped(char c) {
        return c != '.' && EnvoyPathSpelling.isUnreserved(c);
    }

    private static int dotLength(String path, int i) {
        if (path.charAt(i) == '.') {
            return 1;
        }
        if (path.charAt(i) == '%' && i + 2 < path.length() && path.charAt(i + 1) == '2'
                && (path.charAt(i + 2) == 'e' || path.charAt(i + 2) == 'E')) {
            return 3;
        }
        return 0;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /** The output ends with a slash; drop the segment before it, never the leading slash. */
    private static void backUpToPreviousSlash(StringBuilder out) {
        int i = out.length() - 1;
        if (i == 0) {
            return;
        }
        i--;
        while (out.charAt(i) != '/' && i > 0) {
            i--;
        }
        out.setLength(i + 1);
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return high < 0x80 && low < 0x80 && h >= 0 && l >= 0 ? h << 4 | l : -1;
    }
}
