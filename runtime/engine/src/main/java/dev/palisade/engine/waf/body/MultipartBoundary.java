package dev.palisade.engine.waf.body;

import java.util.Locale;

/**
 * The boundary of a {@code multipart/form-data} Content-Type, checked as libmodsecurity 3.0.9's
 * {@code Multipart::init} checks it. Every check that fails is a request body error, and most also
 * set {@code MULTIPART_STRICT_ERROR}; two oddities are kept because rules see them:
 *
 * <ul>
 *   <li>Only the lowercase word {@code boundary} counts; {@code Boundary=} is "case sensitivity".</li>
 *   <li>An empty boundary ({@code boundary=}, {@code boundary=""}) fails without a message, so it
 *       sets neither {@code REQBODY_ERROR} nor {@code MULTIPART_STRICT_ERROR}, and nothing is parsed.</li>
 *   <li>Parameters after an unquoted boundary are tolerated: it ends at the first {@code ;}
 *       ({@code boundary=x;charset=utf-8} is {@code x}), but whitespace before the {@code ;} stays in it
 *       and then fails the character check. After a quoted one they are not: the value must end with
 *       the closing quote, else "(quote)". Older v3 and v2 took the whole rest as the boundary.</li>
 * </ul>
 *
 * <p>All of this was checked against libmodsecurity 3.0.9 (Debian 12) itself.
 */
record MultipartBoundary(String boundary, boolean quoted, boolean whitespace, boolean missingSemicolon,
        boolean ok, boolean strictError, String error) {

    private static final String MIME_TYPE = "multipart/form-data";

    /** The outcome for a Content-Type header value (a byte string). */
    static MultipartBoundary of(String header) {
        if (header.length() > 1024) {
            return failure("Multipart: Invalid boundary in C-T (length).");
        }
        if (!header.regionMatches(true, 0, MIME_TYPE, 0, MIME_TYPE.length())) {
            return failure("Multipart: Invalid MIME type.");
        }
        if (countBoundaryParameters(header) > 1) {
            return failure("Multipart: Multiple boundary parameters in C-T.");
        }
        int start = header.indexOf("boundary");
        if (start < 0) {
            return failure(countBoundaryParameters(header) > 0
                    ? "Multipart: Invalid boundary in C-T (case sensitivity)."
                    : "Multipart: Boundary not found in C-T.");
        }
        boolean seenSemicolon = false;
        for (int p = MIME_TYPE.length(); p < start; p++) {
            char c = header.charAt(p);
            if (!ByteString.isSpace(c)) {
                if (!seenSemicolon && c == ';') {
                    seenSemicolon = true;
                } else {
                    return failure("Multipart: Invalid boundary in C-T (malformed).");
                }
            }
        }
        int equals = header.indexOf('=', start + 8);
        if (equals < 0) {
            return failure("Multipart: Invalid boundary in C-T (malformed).");
        }
        boolean whitespace = false;
        for (int p = start + 8; p < equals; p++) {
            if (ByteString.isSpace(header.charAt(p))) {
                whitespace = true;
            } else {
                return failure("Multipart: Invalid boundary in C-T (parameter name).");
            }
        }
        String value = header.substring(equals + 1);
        if (!value.isEmpty() && ByteString.isSpace(value.charAt(0))) {
            whitespace = true;
        }
        int length = value.length();
        boolean quoted;
        String boundary;
        if (length >= 2 && value.charAt(0) == '"' && value.charAt(length - 1) == '"') {
            boundary = value.substring(1, length - 1);
            quoted = true;
        } else {
            if ((length >= 1 && value.charAt(0) == '"') || (length >= 2 && value.charAt(length - 1) == '"')) {
                return failure("Multipart: Invalid boundary in C-T (quote).");
            }
            // 3.0.9 tolerates parameters after an unquoted boundary: it ends at the first ';'.
            int semicolon = value.indexOf(';');
            boundary = semicolon < 0 ? value : value.substring(0, semicolon);
            quoted = false;
        }
        if (boundary.isEmpty()) {
            // Fails without a message: neither REQBODY_ERROR nor MULTIPART_STRICT_ERROR.
            return new MultipartBoundary("", false, whitespace, !seenSemicolon, false, false, "");
        }
        if (countBoundaryParameters(boundary) != 0) {
            return failure("Multipart: Invalid boundary in C-T (content).");
        }
        if (!charactersValid(boundary)) {
            return failure("Multipart: Invalid boundary in C-T (characters).");
        }
        return new MultipartBoundary(boundary, quoted, whitespace, !seenSemicolon, true, false, "");
    }

    private static MultipartBoundary failure(String message) {
        return new MultipartBoundary("", false, false, false, false, true, message);
    }

    /** How many times {@code boundary} (any case) appears with an {@code =} somewhere after it. */
    static int countBoundaryParameters(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        int count = 0;
        int at = lower.indexOf("boundary");
        while (at >= 0) {
            if (lower.indexOf('=', at + 8) >= 0) {
                count++;
            }
            at = lower.indexOf("boundary", at + 8);
        }
        return count;
    }

    /** RFC 2046 §5.1.1 bchars: digits, letters, {@code '()+_,-./:=?} and a space that is not last. */
    static boolean charactersValid(String boundary) {
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            boolean valid = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c == ' ' && i + 1 < boundary.length())
                    || "'()+_,-./:=?".indexOf(c) >= 0;
            if (!valid) {
                return false;
            }
        }
        return true;
    }
}
