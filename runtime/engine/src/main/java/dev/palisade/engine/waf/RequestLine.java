package dev.palisade.engine.waf;

import dev.palisade.engine.transform.UrlDecoding;

/**
 * The request-target split as ModSecurity v2 on Apache sees it: the {@code REQUEST_URI} (raw;
 * origin form: an absolute-form target loses its {@code scheme://authority}) and the
 * {@code QUERY_STRING} (raw), and the {@code REQUEST_FILENAME} (path without query) and
 * {@code REQUEST_BASENAME} (its last segment) percent-decoded, because Apache decodes the path
 * ({@code ap_unescape_url}) before ModSecurity reads it; {@code +} stays. CRS test 933151-1 relies on it.
 */
public record RequestLine(String uri, String filename, String basename, String queryString) {

    static RequestLine of(String target) {
        String uri = originForm(target);
        int question = uri.indexOf('?');
        String filename = UrlDecoding.decode(question < 0 ? uri : uri.substring(0, question), false, null);
        String query = question < 0 ? "" : uri.substring(question + 1);
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        String basename = slash < 0 ? filename : filename.substring(slash + 1);
        return new RequestLine(uri, filename, basename, query);
    }

    /**
     * As ModSecurity on Apache sees an absolute-form target: its path and query (RFC 9112 §3.2.2);
     * an origin-form target as it is.
     */
    public static String originForm(String target) {
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
}
