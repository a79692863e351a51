package dev.palisade.engine.transform;

/**
 * ModSecurity's {@code normalize_path_inplace}, shared by normalisePath and normalisePathWin.
 * A deliberate re-statement of its byte-level algorithm, so that edge cases (relative paths
 * climbing above their start, trailing slashes, {@code ...}) come out as in ModSecurity v3
 * {@code normalise_path.cc}; {@code dev.palisade.engine.request.PathNormalizer} is the ALP
 * normaliser and has different, stricter rules.
 */
final class PathNormalisation {

    private PathNormalisation() {}

    /** The normalised path, or {@code value} itself when nothing changed. */
    static String normalize(String value, boolean windows) {
        int length = value.length();
        if (length == 0) {
            return value;
        }
        char[] buf = value.toCharArray();
        if (windows) {
            // ModSecurity turns each backslash into a slash just before looking at it; doing it
            // up front is the same, since nothing is read before it is converted.
            for (int k = 0; k < length; k++) {
                if (buf[k] == '\\') {
                    buf[k] = '/';
                }
            }
        }
        int end = length - 1;
        boolean relative = buf[0] != '/';
        boolean trailing = buf[end] == '/';
        boolean hitRoot = false;
        boolean done = false;
        int src = 0;
        int dst = 0;
        while (!done && src <= end && dst <= end) {
            boolean normalize = true;
            if (src == end) {
                done = true;
            } else if (buf[src + 1] != '/') {
                normalize = false; // not the end of a segment
            }
            boolean copy = true;
            if (normalize && !(src != end && buf[src] == '/')) {
                if (buf[src] == '.') {
                    if (dst > 0 && buf[dst - 1] == '.') {
                        // "..": a back reference
                        if (relative && (hitRoot || dst - 2 <= 0)) {
                            hitRoot = true; // nothing to remove: keep it
                        } else {
                            dst -= 3;
                            while (dst > 0 && buf[dst] != '/') {
                                dst--;
                            }
                            if (dst <= 0) {
                                hitRoot = true;
                                dst = 0;
                                if (!relative && src == end) {
                                    dst++; // keep the root slash
                                }
                            }
                            if (done) {
                                copy = false;
                            } else {
                                src++;
                            }
                        }
                    } else if (dst == 0) {
                        // "." at the start of a relative path
                        if (done) {
                            copy = false;
                        } else {
                            src++;
                        }
                    } else if (buf[dst - 1] == '/') {
                        // "/./": a self reference
                        if (done) {
                            copy = false;
                        } else {
                            dst--;
                            src++;
                        }
                    }
                } else if (dst > 0) {
                    hitRoot = false; // a regular segment
                }
            }
            if (!copy) {
                continue;
            }
            if (buf[src] == '/') {
                while (src < end && buf[src + 1] == '/') {
                    src++; // collapse repeated slashes to the last one
                }
                if (relative && dst == 0) {
                    src++; // a relative path does not gain a leading slash
                    continue;
                }
            }
            buf[dst++] = buf[src++];
        }
        if (!trailing && dst > 0 && buf[dst - 1] == '/') {
            dst--;
        }
        return ByteStrings.unchangedOr(value, buf, dst);
    }
}
