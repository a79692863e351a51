package dev.palisade.backends.calico;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Dikastes' path handling (Calico v3.31.7+), written from the description in
 * {@code ../shared/schemas/calico/README.md} and on purpose not from Palisade's
 * {@code PathNormalizer}: the property compares the two.
 *
 * <p>Request and rule paths alike: the query and fragment are stripped, then one percent-decode;
 * a still-encoded {@code %2e}, {@code %2f} or {@code %5c} or a NUL after decoding means no match;
 * {@code \} becomes {@code /}; {@code ;params} are stripped from every segment; then Go's
 * {@code path.Clean}. Where the README is silent we assume: a malformed percent-escape is no
 * match (Go's {@code url.PathUnescape} fails on it), hex digits in either case.
 *
 * <p>Strings are byte strings: one byte per {@code char}, as Go strings are bytes.
 */
final class DikastesPaths {
    private DikastesPaths() {}

    /** The normalized path, or {@code null} when Dikastes refuses to match it against any path. */
    static String normalize(String path) {
        int cut = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                cut = i;
                break;
            }
        }
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < cut; i++) {
            char c = path.charAt(i);
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            if (i + 2 >= cut || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
                return null;
            }
            decoded.append((char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2))));
            i += 2;
        }
        String once = decoded.toString();
        if (once.indexOf('\0') >= 0) {
            return null;
        }
        for (int i = 0; i + 2 < once.length(); i++) {
            if (once.charAt(i) == '%' && hex(once.charAt(i + 1)) >= 0 && hex(once.charAt(i + 2)) >= 0) {
                int value = hex(once.charAt(i + 1)) * 16 + hex(once.charAt(i + 2));
                if (value == '.' || value == '/' || value == '\\') {
                    return null;
                }
            }
        }
        StringBuilder stripped = new StringBuilder();
        for (String segment : once.replace('\\', '/').split("/", -1)) {
            int semicolon = segment.indexOf(';');
            stripped.append(semicolon >= 0 ? segment.substring(0, semicolon) : segment).append('/');
        }
        stripped.setLength(stripped.length() - 1);
        return clean(stripped.toString());
    }

    /** Go's {@code path.Clean}. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!kept.isEmpty() && !kept.peekLast().equals("..")) {
                    kept.pollLast();
                } else if (!rooted) {
                    kept.addLast("..");
                }
                continue;
            }
            kept.addLast(segment);
        }
        String joined = String.join("/", kept);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code prefix} on segment boundaries: {@code /pub} matches {@code /pub} and {@code /pub/x}, not {@code /public}. */
    static boolean prefixMatches(String prefix, String path) {
        if (prefix.equals("/")) {
            return path.startsWith("/");
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
