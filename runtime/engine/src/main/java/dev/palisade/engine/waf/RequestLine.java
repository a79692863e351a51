package dev.palisade.engine.waf;

/**
 * The request-target split as ModSecurity v2 on Apache sees it: the {@code REQUEST_URI} (raw;
 * origin form: an absolute-form target loses its {@code scheme://authority}) and the
 * {@code QUERY_STRING} (raw), and the {@code REQUEST_FILENAME} (path without query) and
 * {@code REQUEST_BASENAME} (its last segment) percent-decoded, because Apache decodes the path
 * ({@code ap_unescape_url}) before ModSecurity reads it; {@code +} stays. CRS test 933151-1 relies on it.
 */
record RequestLine(String uri, String filename, String basename, String queryString) {

    static RequestLine of(String target) {
        String uri = originForm(target);
        int question = uri.indexOf('?');
        String filename = percentDecode(question < 0 ? uri : uri.substring(0, question));
        String query = question < 0 ? "" : uri.substring(question + 1);
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        String basename = slash < 0 ? filename : filename.substring(slash + 1);
        return new RequestLine(uri, filename, basename, query);
    }

    private static String originForm(String target) {
        int scheme = target.indexOf("://");
        if (scheme <= 0 || target.startsWith("/")) {
            return target;
        }
        int path = target.indexOf('/', scheme + 3);
        int query = target.indexOf('?', scheme + 3);
        if (path < 0 || (query >= 0 && query < path)) {
            return query < 0 ? "/" : "/" + target.substring(query);
        }
        return target.substring(path);
    }

    /** {@code %HH} only, leniently (an invalid escape stays): {@code t:urlDecode} without the {@code +} rule. */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.append((char) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
