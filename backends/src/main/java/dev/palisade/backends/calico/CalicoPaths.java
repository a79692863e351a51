package dev.palisade.backends.calico;

/**
 * Writes a normalized IR path (a byte string, one byte per {@code char}) so that Dikastes, which
 * percent-decodes a rule path once before matching, gets back exactly those bytes.
 *
 * <p>Everything but RFC 3986 unreserved characters, sub-delimiters other than {@code ;}, {@code :},
 * {@code @} and {@code /} is percent-encoded: {@code %} itself (a normalized path keeps the
 * {@code %} a request spelled {@code %25}, and Dikastes would decode it again), the {@code ?},
 * {@code #} and space Calico's validator refuses, {@code ;} which Dikastes would take for matrix
 * parameters, and every non-ASCII or control byte.
 */
final class CalicoPaths {
    /** Calico's limit on {@code exact} and {@code prefix}. */
    static final int MAX_LENGTH = 1024;

    private static final String KEPT = "-._~!$&'()*+,=:@/";

    private CalicoPaths() {}

    static String encode(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
