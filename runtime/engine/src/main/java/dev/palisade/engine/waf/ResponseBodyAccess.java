package dev.palisade.engine.waf;

import java.util.List;
import java.util.Locale;

/**
 * {@code SecResponseBodyAccess} and {@code SecResponseBodyMimeType}: whether phase 4 sees a
 * response body, and for which content types (compared without parameters, case-insensitively).
 *
 * @param limit {@code SecResponseBodyLimit}: the most bytes inspected; a caller reads no more
 */
public record ResponseBodyAccess(boolean on, List<String> mimeTypes, int limit) {

    /** ModSecurity's recommended configuration: on, for text/plain and text/html, 512 KiB. */
    public static final ResponseBodyAccess DEFAULT = new ResponseBodyAccess(true, List.of("text/plain", "text/html"), 524_288);

    public ResponseBodyAccess {
        mimeTypes = mimeTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether a response with this Content-Type (absent: {@code null}) has its body inspected. */
    public boolean inspects(String contentType) {
        if (!on || contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return mimeTypes.contains(type);
    }
}
