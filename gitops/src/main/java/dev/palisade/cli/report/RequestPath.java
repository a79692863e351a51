package dev.palisade.cli.report;

import dev.palisade.engine.waf.RequestLine;

/**
 * The path of a logged request-target, as the WAF's {@code REQUEST_URI} has it before decoding: an
 * absolute-form target ({@code http://host/p}) loses its scheme and authority, the query is cut
 * off, nothing is decoded. What {@code report} counts denied requests by (a scan that varies only
 * the query is one path) and what {@code tune} decodes into the path its exclusions match.
 */
public final class RequestPath {
    private RequestPath() {}

    /**
     * {@code /search} for {@code /search?q=1} or {@code http://shop/search?q=1}; {@code /} for nothing
     * or a bare query. A {@code #} stays: a client sends no fragment, and the WAF reads one that
     * arrives as part of the path.
     */
    public static String of(String target) {
        if (target == null) {
            return "/";
        }
        String origin = RequestLine.originForm(target);
        int query = origin.indexOf('?');
        String path = query < 0 ? origin : origin.substring(0, query);
        return path.isEmpty() ? "/" : path;
    }
}
