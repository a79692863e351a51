package dev.palisade.engine.waf.body;

import dev.palisade.engine.transform.UrlDecoding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code application/x-www-form-urlencoded} data, a query string or a body, as ModSecurity's
 * {@code Transaction::extractArguments} (libmodsecurity 3.0.9) splits it:
 *
 * <pre>SecRule ARGS_GET:q "@contains select" "id:1,phase:1,deny"   # ?q=select%201&amp;x</pre>
 *
 * <ul>
 *   <li>Split at the separator ({@code SecArgumentSeparator}, {@code &} by default) the way C++'s
 *       {@code getline} does: an empty piece before or between separators is kept and becomes an
 *       argument with an empty name and value; one after the last separator is not. ModSecurity v2
 *       skips empty pieces; v3 does not, so {@code a=1&&b=2} has three {@code ARGS}.</li>
 *   <li>Each piece splits at its first {@code =}; a piece without one is a name with an empty value
 *       ({@code ssplit_pair}).</li>
 *   <li>Name and value are decoded by {@code urldecode_nonstrict_inplace}: {@code %HH} to the byte,
 *       {@code +} to a space, and a {@code %} not followed by two hex digits kept as it is; each such
 *       {@code %} sets {@code URLENCODED_ERROR} to 1. v3 does not make it a {@code REQBODY_ERROR},
 *       for the query string or the body.</li>
 * </ul>
 *
 * <p>{@code SecArgumentsLimit} is the engine's business: it applies to {@code ARGS} as a whole.
 */
public final class UrlEncodedForm {

    /** The arguments, in order, and whether any {@code %} was invalid ({@code URLENCODED_ERROR}). */
    public record Parsed(List<Argument> arguments, boolean invalidEncoding) {
        public Parsed {
            arguments = List.copyOf(arguments);
        }
    }

    private UrlEncodedForm() {}

    /** Parses a byte string (a query string without its {@code ?}, or a body) with {@code separator}. */
    public static Parsed parse(String data, char separator) {
        List<Argument> arguments = new ArrayList<>();
        boolean[] invalid = {false};
        int length = data.length();
        int start = 0;
        // INVARIANT: getline yields a piece for every separator and one for a non-empty remainder.
        while (start < length) {
            int end = data.indexOf(separator, start);
            if (end < 0) {
                end = length;
            }
            String piece = data.substring(start, end);
            int equals = piece.indexOf('=');
            String name = equals < 0 ? piece : piece.substring(0, equals);
            String value = equals < 0 ? "" : piece.substring(equals + 1);
            arguments.add(new Argument(decode(name, invalid), decode(value, invalid)));
            start = end + 1;
        }
        return new Parsed(arguments, invalid[0]);
    }

    /**
     * {@code QUERY_STRING} of a request-target as libmodsecurity 3.0.9 takes it: the target is cut at
     * its first {@code #}, then the query string is everything after the first {@code ?}; {@code ""}
     * when there is none. So {@code /p?a=1#x&b=2} has {@code a=1}, and {@code /p#f?a=1} has none
     * (observed on 3.0.9).
     */
    public static String queryString(String target) {
        int hash = target.indexOf('#');
        String beforeFragment = hash < 0 ? target : target.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        return question < 0 ? "" : beforeFragment.substring(question + 1);
    }

    /** {@link #parse(String, char)} of a body's bytes. */
    public static Parsed parse(byte[] body, char separator) {
        return parse(ByteString.of(body), separator);
    }

    /** The body processor: a {@code URLENCODED} result (never a request body error in v3). */
    static BodyParseResult parseBody(byte[] body, BodyLimits limits) {
        Parsed parsed = parse(body, limits.argumentSeparator());
        return BodyParseResult.ofArguments(BodyProcessors.URLENCODED, parsed.arguments(), parsed.invalidEncoding());
    }

    /** ModSecurity's non-strict URL decoding; sets {@code invalid[0]} for a {@code %} it had to keep. */
    static String decode(String value, boolean[] invalid) {
        return UrlDecoding.decode(value, true, invalid);
    }
}
