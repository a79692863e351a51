package dev.palisade.engine.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one place request paths and policy paths are normalized before ALP matching, compatible
 * with Calico's Dikastes (v3.31.7+): a rule written for Calico matches the same requests here.
 *
 * <p>Paths are handled as byte strings: every {@code char} holds one byte (ISO-8859-1), the way
 * the request-target arrives on the wire. Policy paths are encoded to UTF-8 first
 * ({@link #normalizeRulePath}), so non-ASCII rule paths compare byte for byte with requests.
 *
 * <ol>
 *   <li>An absolute-form target ({@code http://host/p}) keeps only its path (RFC 9112 §3.2.2).
 *   <li>The query ({@code ?…}) and fragment ({@code #…}) are cut off.
 *   <li>What is left must start with {@code /}; otherwise it is rejected.
 *   <li>One percent-decode; a {@code %} not followed by two hex digits is rejected.
 *   <li>Rejected after decoding: a NUL byte, and a still-encoded dot, slash or backslash
 *       ({@code %2e %2f %5c}, any case), which only a double encoding produces.
 *   <li>Backslashes become slashes.
 *   <li>Matrix parameters are cut from every segment ({@code /a;x=1/b} → {@code /a/b}).
 *   <li>Dot segments and empty segments are removed, {@code ..} never climbs above the root,
 *       and a trailing slash is dropped (Go's {@code path.Clean}).
 * </ol>
 *
 * <p>A rejected path matches no path condition; under default deny such a request is denied
 * unless a rule without a path condition allows it.
 */
public final class PathNormalizer {

    /** The outcome: a normalized path, or why there is none. */
    public record Result(String path, String rejection) {
        static Result ok(String path) {
            return new Result(path, null);
        }

        static Result rejected(String why) {
            return new Result(null, why);
        }

        public boolean ok() {
            return path != null;
        }
    }

    private PathNormalizer() {}

    /** Normalizes a request-target as received (one byte per char). */
    public static Result normalize(String requestTarget) {
        if (requestTarget == null || requestTarget.isEmpty()) {
            return Result.rejected("empty request-target");
        }
        String target = stripSchemeAndAuthority(requestTarget);
        int end = target.length();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String raw = target.substring(0, end);
        if (raw.isEmpty() || raw.charAt(0) != '/') {
            return Result.rejected("request-target does not start with /");
        }
        return alreadyNormal(raw) ? Result.ok(raw) : normalizeSlowly(raw);
    }

    /** Steps 4 to 8 for a path that starts with {@code /}; package-private so a property can compare it with the fast path. */
    static Result normalizeSlowly(String raw) {
        String decoded = percentDecode(raw);
        if (decoded == null) {
            return Result.rejected("malformed percent-encoding");
        }
        String rejection = stillEncoded(decoded);
        if (rejection != null) {
            return Result.rejected(rejection);
        }
        return Result.ok(clean(stripMatrixParameters(decoded.replace('\\', '/'))));
    }

    /**
     * Most requests are already in normal form; saying so in one pass, without allocating, is
     * the fast path (the steps below would return the path unchanged): nothing to decode, fold
     * or strip, no empty or dot segment, no trailing slash.
     */
    static boolean alreadyNormal(String path) {
        int length = path.length();
        if (length > 1 && path.charAt(length - 1) == '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            char c = i < length ? path.charAt(i) : '/';
            if (c == '%' || c == '\\' || c == ';' || c == 0) {
                return false;
            }
            if (c == '/') {
                int segmentLength = i - segmentStart;
                if (segmentLength == 0 && i < length
                        || segmentLength == 1 && path.charAt(segmentStart) == '.'
                        || segmentLength == 2 && path.charAt(segmentStart) == '.' && path.charAt(segmentStart + 1) == '.') {
                    return false;
                }
                segmentStart = i + 1;
            }
        }
        return true;
    }

    /** Normalizes a path written in a policy: encoded to UTF-8 bytes, then as a request. */
    public static Result normalizeRulePath(String policyPath) {
        return normalize(toByteString(policyPath));
    }

    /** The byte-string form of a Unicode text: its UTF-8 bytes, one per char. */
    public static String toByteString(String text) {
        return dev.palisade.engine.waf.ByteText.bytes(text);
    }

    /** The Unicode text a byte string spells, for display; bad UTF-8 shows as U+FFFD. */
    public static String fromByteString(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * Keeps only the path of an absolute-form target. The authority ends at the first {@code /},
     * {@code ?} or {@code #} (RFC 3986 §3.2): a slash inside the query or fragment of
     * {@code http://host?x=/admin} must not become the path.
     */
    private static String stripSchemeAndAuthority(String target) {
        int schemeEnd = target.indexOf("://");
        if (schemeEnd <= 0 || !isSchemeName(target, schemeEnd)) {
            return target;
        }
        for (int i = schemeEnd + 3; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/') {
                return target.substring(i);
            }
            if (c == '?' || c == '#') {
                break;
            }
        }
        // RFC 9112 §3.2.2: an empty path in absolute form stands for "/".
        return "/";
    }

    /** RFC 3986 §3.1: {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}. */
    private static boolean isSchemeName(String target, int end) {
        if (!isAsciiLetter(target.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = target.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int high = hexDigit(raw.charAt(i + 1));
            int low = hexDigit(raw.charAt(i + 2));
            if (high < 0 || low < 0) {
                return null;
            }
            out.append((char) (high << 4 | low));
            i += 2;
        }
        return out.toString();
    }

    /**
     * Hex digits are ASCII only: {@link Character#digit} would also take fullwidth and other
     * Unicode digits, so {@code %２ｅ} would decode to a dot.
     */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * After one decode every {@code %} left came from {@code %25}, so a {@code %2e}, {@code %2f} or
     * {@code %5c} here was double-encoded: a backend that decodes again would see a dot, slash or
     * backslash this normalizer never saw.
     */
    private static String stillEncoded(String decoded) {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == 0) {
                return "NUL byte in path";
            }
            if (c == '%' && i + 2 < decoded.length() && isDotSlashOrBackslash(decoded.charAt(i + 1), decoded.charAt(i + 2))) {
                return "double-encoded dot, slash or backslash";
            }
        }
        return null;
    }

    /** Whether {@code %} followed by these two chars encodes {@code .}, {@code /} or {@code \}. */
    private static boolean isDotSlashOrBackslash(char high, char low) {
        if (hexDigit(high) < 0 || hexDigit(low) < 0) {
            return false;
        }
        int value = hexDigit(high) << 4 | hexDigit(low);
        return value == '.' || value == '/' || value == '\\';
    }

    private static String stripMatrixParameters(String path) {
        if (path.indexOf(';') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        boolean inParameters = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                inParameters = false;
            } else if (c == ';') {
                inParameters = true;
            }
            if (!inParameters) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Go's {@code path.Clean} for a rooted path. */
    static String clean(String path) {
        Deque<String> segments = new ArrayDeque<>();
        int start = 1;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
            start = end + 1;
        }
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }
}
