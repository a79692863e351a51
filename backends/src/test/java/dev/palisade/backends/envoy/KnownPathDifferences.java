package dev.palisade.backends.envoy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Request-targets that Envoy's path normalization (as the backend configures it) and Palisade's
 * {@code PathNormalizer} read differently, so RBAC cannot take Palisade's decision on them. The
 * runtime behind ext_authz decides them again with Palisade's normalizer; the differential
 * property leaves them out, each for the reason named here.
 */
final class KnownPathDifferences {
    private static final String PASSED_RESERVED = "!$&'()*+,:;=@[]";

    private KnownPathDifferences() {}

    /** Why this target is read differently, or empty when both read it the same. */
    static Optional<String> of(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) > 0xFF) {
                return Optional.of("not a byte string: request-targets are bytes");
            }
        }
        if (target.isEmpty() || target.charAt(0) != '/') {
            return Optional.of("not origin-form: Envoy refuses it, Palisade decides with no path");
        }
        String path = pathPart(target);
        if (path.indexOf(0) >= 0 || path.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            return Optional.of("NUL byte: Envoy answers 400, Palisade decides with no path");
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) != '%') {
                continue;
            }
            if (i + 2 >= path.length() || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
                return Optional.of("malformed escape: Envoy passes it on, Palisade refuses the path");
            }
            char value = (char) (hex(path.charAt(i + 1)) << 4 | hex(path.charAt(i + 2)));
            String escape = path.substring(i + 1, i + 3);
            if (value == ';') {
                return Optional.of("escaped `;`: Envoy keeps the escape, Palisade decodes it and cuts matrix parameters");
            }
            if (PASSED_RESERVED.indexOf(value) >= 0) {
                return Optional.of("escaped reserved character: Envoy keeps the escape, Palisade decodes it");
            }
            if (value != '/' && value != '\\' && value != '.' && !EnvoyPathSpelling.isUnreserved(value)
                    && !escape.equals(escape.toUpperCase(java.util.Locale.ROOT))) {
                return Optional.of("lower-case hex digits: Envoy keeps them, the RBAC spelling has upper-case ones");
            }
        }
        String decoded = decodeOnce(path);
        if (decoded.toLowerCase(java.util.Locale.ROOT).matches(".*%(2e|2f|5c).*")) {
            return Optional.of("double-encoded dot or slash: Envoy keeps it, Palisade refuses the path");
        }
        String separators = decoded.replace('\\', '/');
        if (separators.contains("//") && (separators.contains("/../") || separators.endsWith("/.."))) {
            return Optional.of("empty segment before `..`: Envoy climbs out of the empty segment, Palisade drops it first");
        }
        return matrixParameters(separators);
    }

    /**
     * RBAC matches matrix parameters (which Envoy keeps and Palisade cuts) on the path's last
     * segment only; the segments are taken after dot segments are resolved, as both do.
     */
    private static Optional<String> matrixParameters(String path) {
        if (path.indexOf(';') < 0) {
            return Optional.empty();
        }
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.substring(1).split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (parameters == 0) {
                return Optional.of("segment of matrix parameters only: Palisade drops it, Envoy keeps it");
            }
            if (parameters > 0 && (name.equals(".") || name.equals(".."))) {
                return Optional.of("dot segment with matrix parameters: Palisade resolves it, Envoy keeps it");
            }
            if (segment.equals("..")) {
                kept.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                kept.addLast(segment);
            }
        }
        kept.pollLast();
        return kept.stream().anyMatch(segment -> segment.indexOf(';') >= 0)
                ? Optional.of("matrix parameters before the last segment: RBAC matches them on the last one only")
                : Optional.empty();
    }

    /** One percent-decode, as Palisade does (the escapes are well-formed here). */
    private static String decodeOnce(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '%') {
                out.append((char) (hex(path.charAt(i + 1)) << 4 | hex(path.charAt(i + 2))));
                i += 2;
            } else {
                out.append(path.charAt(i));
            }
        }
        return out.toString();
    }

    /** The part before the query and the fragment, as both cut it. */
    private static String pathPart(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) == '?' || target.charAt(i) == '#') {
                return target.substring(0, i);
            }
        }
        return target;
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
