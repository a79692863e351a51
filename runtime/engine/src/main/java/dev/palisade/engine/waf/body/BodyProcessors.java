package dev.palisade.engine.waf.body;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which request body processor a request gets, and running it. The choice is what libmodsecurity
 * 3.0.9 and Debian 12's {@code /etc/nginx/modsecurity.conf} make together:
 *
 * <ol>
 *   <li>the engine itself, from the Content-Type (case-insensitive prefix):
 *       {@code multipart/form-data} is {@code MULTIPART}, {@code application/x-www-form-urlencoded}
 *       is {@code URLENCODED} ({@code Transaction::addRequestHeader});</li>
 *   <li>then rules in phase 1, on the lowercased Content-Type, override that with
 *       {@code ctl:requestBodyProcessor}: rule 200000, {@code ^(?:application(?:/soap\+|/)|text/)xml},
 *       picks {@code XML}; rule 200001, {@code ^application/json}, picks {@code JSON}. (Rule 200006 for
 *       {@code +json} types is commented out in Debian's file.)</li>
 * </ol>
 *
 * <p>Anything else has no processor: the body is only {@code REQUEST_BODY}.
 */
public final class BodyProcessors {

    public static final String URLENCODED = "URLENCODED";
    public static final String MULTIPART = "MULTIPART";
    public static final String JSON = "JSON";
    public static final String XML = "XML";

    private static final Pattern RULE_200000 = Pattern.compile("^(?:application(?:/soap\\+|/)|text/)xml");
    private static final Pattern RULE_200001 = Pattern.compile("^application/json");

    private BodyProcessors() {}

    /** The processor for a Content-Type header value (a byte string), or empty for none or no header. */
    public static Optional<String> select(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        // t:lowercase is ModSecurity's tolower: ASCII only.
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (RULE_200001.matcher(lower).find()) {
            return Optional.of(JSON);
        }
        if (RULE_200000.matcher(lower).find()) {
            return Optional.of(XML);
        }
        if (lower.startsWith("multipart/form-data")) {
            return Optional.of(MULTIPART);
        }
        if (lower.startsWith("application/x-www-form-urlencoded")) {
            return Optional.of(URLENCODED);
        }
        return Optional.empty();
    }

    /**
     * Runs {@code processor} ({@link #URLENCODED}, {@link #MULTIPART}, {@link #JSON} or {@link #XML}) on
     * {@code body}. {@code contentType} is the first Content-Type header, which the multipart processor
     * needs for its boundary ({@code null} when there is none). Never throws on any body.
     *
     * @throws IllegalArgumentException for an unknown processor name
     */
    public static BodyParseResult parse(String processor, String contentType, byte[] body, BodyLimits limits) {
        return switch (processor) {
            case URLENCODED -> UrlEncodedForm.parseBody(body, limits);
            case MULTIPART -> MultipartParser.parse(contentType, body, limits);
            case JSON -> JsonBody.parse(body, limits.jsonDepthLimit());
            case XML -> XmlBody.parse(body);
            default -> throw new IllegalArgumentException("unknown request body processor `" + processor + "`");
        };
    }
}
