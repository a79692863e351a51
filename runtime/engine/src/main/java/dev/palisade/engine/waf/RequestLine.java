package dev.palisade.engine.waf;

/**
 * The request-target split as ModSecurity v2 does, all raw (still percent-encoded): the
 * {@code REQUEST_URI} (origin form: an absolute-form target loses its {@code scheme://authority}),
 * the {@code REQUEST_FILENAME} (path without query), {@code REQUEST_BASENAME} (last path segment)
 * and the {@code QUERY_STRING}.
 */
record RequestLine(String uri, String filename, String basename, String queryString) {

    static RequestLine of(String target) {
        String uri = originForm(target);
        int question = uri.indexOf('?');
        String filename = question < 0 ? uri : uri.substring(0, question);
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
}
