package dev.palisade.cli.ftw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The exact bytes the reference runners put on the wire for a stage. Text from the YAML is encoded
 * as UTF-8, as both runners do (Python's {@code str.encode('utf-8')}, Go strings); the bytes are
 * then read back one char per byte (ISO-8859-1) by {@link RawRequestParser}.
 *
 * <ul>
 *   <li>{@code encoded_request}: base64, decoded leniently (characters outside the alphabet are
 *       dropped, as Python's {@code b64decode} does) and sent as is.
 *   <li>{@code raw_request}: FTW v1 runs it through Python's {@code unicode_escape} codec ({@code \r\n}
 *       written as text become CR LF); go-ftw sends it as is.
 *   <li>Otherwise {@code METHOD SP URI SP VERSION CRLF}, the headers, CRLF, the body, with each
 *       runner's magic: {@link #pythonFtw} and {@link #goFtw}.
 * </ul>
 */
public final class RawRequests {
    private static final String FORM = "application/x-www-form-urlencoded";
    /** go-ftw's {@code ^POST|PUT|PATCH|DELETE$}, precedence and all: PUT anywhere in the method matches. */
    private static final Pattern GO_METHODS_WITH_BODY = Pattern.compile("^POST|PUT|PATCH|DELETE$");

    private RawRequests() {}

    public static byte[] build(FtwInput input) {
        if (input.encodedRequest().isPresent()) {
            return Base64.getMimeDecoder().decode(input.encodedRequest().get());
        }
        if (input.rawRequest().isPresent()) {
            String raw = input.rawRequest().get();
            return input.format() == FtwFormat.FTW_V1 ? PythonText.unicodeEscapeThenUtf8(raw) : utf8(raw);
        }
        return input.format() == FtwFormat.FTW_V1 ? pythonFtw(input) : goFtw(input);
    }

    /**
     * Python ftw 1.3.0 ({@code ftw/ruleset.py} {@code Input}, {@code ftw/http.py} {@code build_request}).
     * Unless {@code stop_magic}, a non-empty body gets {@code Content-Type:
     * application/x-www-form-urlencoded} when no header is named exactly {@code Content-Type}; a body
     * of that type that {@code unquote} leaves unchanged is re-encoded with
     * {@code urlencode(parse_qsl(data))}; and {@code Content-Length} is the body's length in
     * characters ({@code len(str)}) when no header is named exactly so. Added headers go last
     * (dict order). The charset parameter is not applied: every CRS 3.3.4 body is ASCII.
     */
    static byte[] pythonFtw(FtwInput input) {
        List<FtwInput.Header> headers = new ArrayList<>(input.headers());
        String data = input.data().orElse("");
        if (!data.isEmpty()) {
            if (!input.stopMagic() && value(headers, "Content-Type") == null) {
                headers.add(new FtwInput.Header("Content-Type", FORM));
            }
            if (!input.stopMagic() && FORM.equals(value(headers, "Content-Type"))
                    && !FormEncoding.hasPercentEscape(data)) {
                String encoded = FormEncoding.pythonUrlencodeParseQsl(data);
                data = encoded.isEmpty() ? data : encoded;
            }
            if (!input.stopMagic() && value(headers, "Content-Length") == null) {
                headers.add(new FtwInput.Header("Content-Length", Integer.toString(data.codePointCount(0,
                        data.length()))));
            }
        }
        return assemble(input, headers, utf8(data));
    }

    /**
     * go-ftw ({@code ftwhttp/request.go} {@code BuildRequest}; the loader already sorted headers
     * given as a YAML map by name, as {@code NewHeaderFromMap} does, and kept {@code ordered_headers}
     * as listed). With {@code autocomplete_headers} (default): a non-empty body
     * gets the form Content-Type when none is present (any case), and is re-encoded pair by pair when
     * the Content-Type is the form type and {@code url.QueryUnescape} leaves it unchanged (no {@code %},
     * no {@code +}); {@code Connection: close} when absent; {@code Content-Length} (bytes) when absent
     * and there is a body or the method looks like one with a body. A {@code multipart/form-data;}
     * body has every LF replaced by CRLF, autocomplete or not. The data is a template first
     * ({@link GoFtwTemplates}).
     */
    static byte[] goFtw(FtwInput input) {
        List<FtwInput.Header> headers = new ArrayList<>(input.headers());
        byte[] data = utf8(GoFtwTemplates.render(input.data().orElse("")));
        if (data.length > 0 && input.autocompleteHeaders()) {
            if (valueIgnoringCase(headers, "Content-Type") == null) {
                headers.add(new FtwInput.Header("Content-Type", FORM));
            }
            boolean form = headers.stream().anyMatch(header -> header.name().equalsIgnoreCase("Content-Type")
                    && header.value().equalsIgnoreCase(FORM));
            data = form ? FormEncoding.goEncodeDataParameters(data) : data;
        }
        boolean multipart = headers.stream().anyMatch(header -> header.name().equalsIgnoreCase("Content-Type")
                && header.value().toLowerCase(java.util.Locale.ROOT).contains("multipart/form-data;"));
        if (multipart) {
            data = new String(data, StandardCharsets.ISO_8859_1).replace("\n", "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        if (input.autocompleteHeaders()) {
            if (valueIgnoringCase(headers, "Connection") == null) {
                headers.add(new FtwInput.Header("Connection", "close"));
            }
            if (valueIgnoringCase(headers, "Content-Length") == null
                    && (data.length > 0 || GO_METHODS_WITH_BODY.matcher(input.method()).find())) {
                headers.add(new FtwInput.Header("Content-Length", Integer.toString(data.length)));
            }
        }
        return assemble(input, headers, data);
    }

    private static byte[] assemble(FtwInput input, List<FtwInput.Header> headers, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(input.method()).append(' ').append(input.uri()).append(' ').append(input.version()).append("\r\n");
        for (FtwInput.Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(head.toString()));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Python dict lookup: the name exactly. */
    private static String value(List<FtwInput.Header> headers, String name) {
        for (FtwInput.Header header : headers) {
            if (header.name().equals(name)) {
                return header.value();
            }
        }
        return null;
    }

    private static String valueIgnoringCase(List<FtwInput.Header> headers, String name) {
        for (FtwInput.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
