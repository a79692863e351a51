package dev.palisade.compiler.ir;

/**
 * A path condition. {@code normalized} is the written path after the same normalization as
 * requests (a byte string, see {@code PathNormalizer}); matching compares normalized forms.
 * A prefix matches whole segments: {@code /pub} matches {@code /pub} and {@code /pub/x}, not
 * {@code /public}.
 */
public record IrPath(Kind kind, String normalized) {
    public enum Kind { EXACT, PREFIX }

    public boolean matches(String path) {
        if (path == null) {
            return false;
        }
        if (kind == Kind.EXACT) {
            return path.equals(normalized);
        }
        return normalized.equals("/") || path.equals(normalized)
                || path.length() > normalized.length() && path.startsWith(normalized) && path.charAt(normalized.length()) == '/';
    }
}
