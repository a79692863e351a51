package dev.palisade.cli.report;

/**
 * The path of a logged request-target, as written: the query and fragment cut off, nothing decoded.
 * What {@code report} counts denied requests by (a scan that varies only the query is one path) and
 * what {@code tune} reads a benign request's path from.
 */
public final class RequestPath {
    private RequestPath() {}

    /** {@code /search} for {@code /search?q=1#top}; {@code /} for nothing or a bare query. */
    public static String of(String target) {
        if (target == null) {
            return "/";
        }
        int cut = target.length();
        for (char end : new char[] {'?', '#'}) {
            int at = target.indexOf(end);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return cut == 0 ? "/" : target.substring(0, cut);
    }
}
