package dev.palisade.engine.waf;

import dev.palisade.engine.waf.body.Argument;
import dev.palisade.engine.waf.body.BodyLimits;
import dev.palisade.engine.waf.body.BodyParseResult;
import dev.palisade.engine.waf.body.BodyProcessors;
import dev.palisade.engine.waf.body.Cookies;
import dev.palisade.engine.waf.body.PartHeader;
import dev.palisade.engine.waf.body.UploadedFile;
import dev.palisade.engine.waf.body.UrlEncodedForm;
import dev.palisade.engine.waf.body.XmlBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as ModSecurity's variables see it: request line parts, headers, cookies, arguments
 * and, after {@link #processBody()}, what the body processor found. Byte strings throughout.
 */
public final class RequestData {

    private final WafRequest request;
    private final WafLimits limits;
    private final RequestLine line;
    private final List<Entry> headers = new ArrayList<>();
    private final List<Entry> cookies = new ArrayList<>();
    private final List<Entry> argsGet;
    private List<Entry> argsPost = List.of();
    private final List<Entry> files = new ArrayList<>();
    private final List<Entry> fileSizes = new ArrayList<>();
    private final List<Entry> partHeaders = new ArrayList<>();
    private final Map<String, String> flags = new HashMap<>();
    private XmlBody xml;
    private String body;

    private String bodyProcessor;
    private boolean bodyAccess;
    private boolean forceBodyVariable;
    private boolean bodyProcessed;

    RequestData(WafRequest request, WafLimits limits) {
        this.request = request;
        this.limits = limits;
        this.line = RequestLine.of(request.target());
        this.bodyAccess = limits.bodyAccess();
        for (WafRequest.Header header : request.headers()) {
            headers.add(new Entry(header.name(), header.value()));
            if (header.name().equalsIgnoreCase("Cookie")) {
                entries(Cookies.parse(header.value()), cookies);
            }
        }
        UrlEncodedForm.Parsed query = UrlEncodedForm.parse(line.queryString(), limits.argumentSeparator());
        this.argsGet = entries(query.arguments(), new ArrayList<>());
        if (query.invalidEncoding()) {
            flags.put("URLENCODED_ERROR", "1");
        }
        this.bodyProcessor = defaultProcessor(request.header("Content-Type").orElse(""));
    }

    /** ModSecurity picks URLENCODED and MULTIPART by content type; JSON and XML only by {@code ctl}. */
    private static String defaultProcessor(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return "URLENCODED";
        }
        if (type.startsWith("multipart/form-data")) {
            return "MULTIPART";
        }
        return "";
    }

    /**
     * Runs the body processor chosen by now (phase 1's {@code ctl:requestBodyProcessor} included):
     * between phase 1 and phase 2, as ModSecurity does.
     */
    public void processBody() {
        if (bodyProcessed) {
            return;
        }
        bodyProcessed = true;
        byte[] bytes = request.body();
        if (!bodyAccess || bytes.length == 0) {
            body = "";
            return;
        }
        body = new String(bytes, StandardCharsets.ISO_8859_1);
        if (bodyProcessor.isEmpty()) {
            return;
        }
        BodyLimits bodyLimits = BodyLimits.defaults().withArgumentSeparator(limits.argumentSeparator())
                .withJsonDepthLimit(limits.jsonDepth());
        BodyParseResult parsed;
        try {
            parsed = BodyProcessors.parse(bodyProcessor, request.header("Content-Type").orElse(null), bytes, bodyLimits);
        } catch (IllegalArgumentException unknownProcessor) {
            flags.put("REQBODY_ERROR", "1");
            flags.put("REQBODY_ERROR_MSG", "unknown request body processor " + bodyProcessor);
            return;
        }
        argsPost = entries(parsed.arguments(), new ArrayList<>());
        for (UploadedFile file : parsed.files()) {
            files.add(new Entry(file.fieldName(), file.fileName()));
            fileSizes.add(new Entry(file.fieldName(), Long.toString(file.size())));
        }
        for (PartHeader header : parsed.partHeaders()) {
            // ModSecurity v2 (the regression suite's reference) stores the line without its line ending;
            // libmodsecurity 3.0.9 keeps it, and then CRS 922110 (Debian's patch) flags legitimate
            // charsets: its `^content-type\s*:\s*(.*)$` capture carries the line break into the check.
            partHeaders.add(new Entry(header.partName(), stripLineEnding(header.line())));
        }
        parsed.flags().forEach((name, value) -> flags.put(name, Integer.toString(value)));
        if (parsed.urlEncodedError()) {
            flags.put("URLENCODED_ERROR", "1");
        }
        if (parsed.error()) {
            flags.put("REQBODY_ERROR", "1");
            flags.put("REQBODY_PROCESSOR_ERROR", "1");
            flags.put("REQBODY_ERROR_MSG", parsed.errorMessage());
            flags.put("REQBODY_PROCESSOR_ERROR_MSG", parsed.errorMessage());
        }
        xml = parsed.xml();
    }

    private static String stripLineEnding(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static List<Entry> entries(List<Argument> arguments, List<Entry> out) {
        for (Argument argument : arguments) {
            out.add(new Entry(argument.name(), argument.value()));
        }
        return out;
    }

    public String method() {
        return request.method();
    }

    public String protocol() {
        return request.protocol();
    }

    public String requestLine() {
        return request.method() + " " + request.target() + " " + request.protocol();
    }

    public String uri() {
        return line.uri();
    }

    public String uriRaw() {
        return request.target();
    }

    public String filename() {
        return line.filename();
    }

    public String basename() {
        return line.basename();
    }

    public String queryString() {
        return line.queryString();
    }

    public String remoteAddress() {
        return request.remoteAddress();
    }

    public int remotePort() {
        return request.remotePort();
    }

    public String serverAddress() {
        return request.serverAddress();
    }

    public int serverPort() {
        return request.serverPort();
    }

    public List<Entry> headers() {
        return headers;
    }

    public List<Entry> cookies() {
        return cookies;
    }

    public List<Entry> argsGet() {
        return argsGet;
    }

    public List<Entry> argsPost() {
        return argsPost;
    }

    public List<Entry> files() {
        return files;
    }

    public List<Entry> fileSizes() {
        return fileSizes;
    }

    public List<Entry> partHeaders() {
        return partHeaders;
    }

    /** {@code MULTIPART_STRICT_ERROR}, {@code REQBODY_ERROR}, …; absent means 0 (empty for a message). */
    public String flag(String name) {
        return flags.getOrDefault(name, name.endsWith("_MSG") ? "" : "0");
    }

    /** The request body, or empty when body access is off or before processing. */
    public String body() {
        return body == null ? "" : body;
    }

    public XmlBody xml() {
        return xml;
    }

    public String bodyProcessor() {
        return bodyProcessor;
    }

    public long bodyLength() {
        return request.body().length;
    }

    void bodyProcessor(String processor) {
        this.bodyProcessor = processor;
    }

    void bodyAccess(boolean on) {
        this.bodyAccess = on;
    }

    void forceBodyVariable(boolean on) {
        this.forceBodyVariable = on;
    }

    /** Whether the body processor ran (ARGS_POST, FILES, … are filled from then on). */
    boolean bodyProcessed() {
        return bodyProcessed;
    }

    boolean forceBodyVariable() {
        return forceBodyVariable;
    }
}
