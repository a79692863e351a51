package dev.palisade.engine.waf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves a {@link TargetSpec} against a transaction: ModSecurity's variables, each named the way
 * its logs name them ({@code ARGS:q}, {@code REQUEST_HEADERS:Host}, {@code REQUEST_URI}).
 *
 * <p>Not available here, so always empty: persistent collections across requests ({@code IP},
 * {@code SESSION}, {@code USER}, {@code GLOBAL}, {@code RESOURCE} hold only what this transaction
 * set), {@code GEO}, and the {@code RESPONSE_*} variables before the response exists.
 */
public final class Variables {

    /** Every variable name {@link #collect} knows; the compiler rejects others. */
    public static final Set<String> NAMES = Set.of("ARGS", "ARGS_NAMES", "ARGS_GET", "ARGS_GET_NAMES", "ARGS_POST",
            "ARGS_POST_NAMES", "ARGS_COMBINED_SIZE", "REQUEST_HEADERS", "REQUEST_HEADERS_NAMES", "REQUEST_COOKIES",
            "REQUEST_COOKIES_NAMES", "REQUEST_METHOD", "REQUEST_PROTOCOL", "REQUEST_LINE", "REQUEST_URI",
            "REQUEST_URI_RAW", "REQUEST_FILENAME", "REQUEST_BASENAME", "QUERY_STRING", "REQUEST_BODY",
            "REQUEST_BODY_LENGTH", "FULL_REQUEST", "FULL_REQUEST_LENGTH", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "REMOTE_USER",
            "SERVER_ADDR", "SERVER_NAME", "SERVER_PORT", "UNIQUE_ID", "DURATION", "FILES", "FILES_NAMES", "FILES_SIZES",
            "FILES_COMBINED_SIZE", "FILES_TMPNAMES", "FILES_TMP_CONTENT", "MULTIPART_PART_HEADERS", "MULTIPART_FILENAME",
            "MULTIPART_NAME", "MULTIPART_STRICT_ERROR", "MULTIPART_UNMATCHED_BOUNDARY", "MULTIPART_BOUNDARY_QUOTED",
            "MULTIPART_BOUNDARY_WHITESPACE", "MULTIPART_DATA_BEFORE", "MULTIPART_DATA_AFTER", "MULTIPART_HEADER_FOLDING",
            "MULTIPART_LF_LINE", "MULTIPART_CRLF_LF_LINES", "MULTIPART_MISSING_SEMICOLON", "MULTIPART_INVALID_QUOTING",
            "MULTIPART_INVALID_PART", "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_FILE_LIMIT_EXCEEDED",
            "REQBODY_ERROR", "REQBODY_ERROR_MSG", "REQBODY_PROCESSOR", "REQBODY_PROCESSOR_ERROR",
            "REQBODY_PROCESSOR_ERROR_MSG", "INBOUND_DATA_ERROR", "URLENCODED_ERROR", "XML", "TX", "IP", "GLOBAL",
            "SESSION", "USER", "RESOURCE", "GEO", "ENV", "MATCHED_VAR", "MATCHED_VAR_NAME", "MATCHED_VARS",
            "MATCHED_VARS_NAMES", "RULE", "AUTH_TYPE", "PATH_INFO", "RESPONSE_BODY", "RESPONSE_STATUS",
            "RESPONSE_HEADERS", "RESPONSE_HEADERS_NAMES", "RESPONSE_PROTOCOL", "RESPONSE_CONTENT_TYPE",
            "RESPONSE_CONTENT_LENGTH", "OUTBOUND_DATA_ERROR", "STATUS_LINE", "TIME", "TIME_DAY", "TIME_EPOCH",
            "TIME_HOUR", "TIME_MIN", "TIME_MON", "TIME_SEC", "TIME_WDAY", "TIME_YEAR", "HIGHEST_SEVERITY",
            "WEBSERVER_ERROR_LOG", "USERID", "SESSIONID", "WEBAPPID", "STREAM_INPUT_BODY", "STREAM_OUTPUT_BODY");

    private Variables() {}

    /**
     * Appends the spec's values (or, for {@code &}, their count) to {@code out}. Collections that
     * cannot change within a request phase come from the transaction's cache: CRS reads
     * {@code ARGS}, {@code REQUEST_HEADERS}, {@code REQUEST_COOKIES}… in hundreds of rules.
     * {@code spec} must be a rule's own (the cache is keyed by identity).
     */
    public static void collect(Transaction tx, TargetSpec spec, List<Target> out) {
        if (!spec.changesWithinAPhase()) {
            List<Target> cached = tx.cachedTargets(spec);
            if (cached == null) {
                cached = new ArrayList<>();
                collectFresh(tx, spec, cached);
                tx.cacheTargets(spec, cached);
            }
            out.addAll(cached);
            return;
        }
        collectFresh(tx, spec, out);
    }

    /** Whether every spec's values stay the same within a phase (so they can be collected once). */
    static boolean cacheable(List<TargetSpec> specs) {
        for (int i = 0, n = specs.size(); i < n; i++) { // indexed: no iterator per rule
            if (specs.get(i).changesWithinAPhase()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether rules may change the collection ({@code setvar}, matches) or it belongs to the
     * response. The {@code ctl} actions that change what the body variables hold
     * ({@code requestBodyProcessor}, {@code forceRequestBodyVariable}, {@code requestBodyAccess})
     * empty the transaction's caches instead, as reading the body does.
     */
    static boolean changesWithinAPhase(String collection) {
        return switch (collection) {
            case "TX", "IP", "GLOBAL", "SESSION", "USER", "RESOURCE", "MATCHED_VAR", "MATCHED_VAR_NAME", "MATCHED_VARS",
                    "MATCHED_VARS_NAMES", "UNIQUE_ID" -> true;
            default -> collection.startsWith("RESPONSE_") || collection.equals("STATUS_LINE");
        };
    }

    /** {@link #collect} without the cache: for specs made on the fly (macros). */
    static void collectFresh(Transaction tx, TargetSpec spec, List<Target> out) {
        if (spec.count()) {
            List<Target> members = new ArrayList<>();
            collectMembers(tx, spec, members);
            out.add(new Target("&" + spec.text().substring(spec.excluded() ? 2 : 1), Integer.toString(members.size())));
            return;
        }
        collectMembers(tx, spec, out);
    }

    private static void collectMembers(Transaction tx, TargetSpec spec, List<Target> out) {
        RequestData r = tx.request();
        String c = spec.collection();
        switch (c) {
            case "ARGS" -> {
                members(c, r.argsGet(), spec, out);
                members(c, r.argsPost(), spec, out);
            }
            case "ARGS_GET" -> members(c, r.argsGet(), spec, out);
            case "ARGS_POST" -> members(c, r.argsPost(), spec, out);
            case "ARGS_NAMES" -> {
                names(c, r.argsGet(), spec, out);
                names(c, r.argsPost(), spec, out);
            }
            case "ARGS_GET_NAMES" -> names(c, r.argsGet(), spec, out);
            case "ARGS_POST_NAMES" -> names(c, r.argsPost(), spec, out);
            case "ARGS_COMBINED_SIZE" -> scalar(c, Long.toString(combinedSize(r)), out);
            case "REQUEST_HEADERS" -> members(c, r.headers(), spec, out);
            case "REQUEST_HEADERS_NAMES" -> names(c, r.headers(), spec, out);
            case "REQUEST_COOKIES" -> members(c, r.cookies(), spec, out);
            case "REQUEST_COOKIES_NAMES" -> names(c, r.cookies(), spec, out);
            case "FILES" -> members(c, r.files(), spec, out);
            case "FILES_NAMES" -> names(c, r.files(), spec, out);
            case "FILES_SIZES" -> members(c, r.fileSizes(), spec, out);
            case "FILES_COMBINED_SIZE" -> scalar(c, Long.toString(r.fileSizes().stream()
                    .mapToLong(e -> Long.parseLong(e.value())).sum()), out);
            case "MULTIPART_PART_HEADERS" -> members(c, r.partHeaders(), spec, out);
            case "REQUEST_METHOD" -> scalar(c, r.method(), out);
            case "REQUEST_PROTOCOL" -> scalar(c, r.protocol(), out);
            case "REQUEST_LINE" -> scalar(c, r.requestLine(), out);
            case "REQUEST_URI" -> scalar(c, r.uri(), out);
            case "REQUEST_URI_RAW" -> scalar(c, r.uriRaw(), out);
            case "REQUEST_FILENAME", "PATH_INFO" -> scalar(c, r.filename(), out);
            case "REQUEST_BASENAME" -> scalar(c, r.basename(), out);
            case "QUERY_STRING" -> scalar(c, r.queryString(), out);
            case "REQUEST_BODY" -> {
                if (!r.body().isEmpty() && (r.bodyProcessor().equals("URLENCODED") || r.forceBodyVariable()
                        || r.bodyProcessor().isEmpty())) {
                    scalar(c, r.body(), out);
                }
            }
            case "REQUEST_BODY_LENGTH" -> scalar(c, Long.toString(r.bodyLength()), out);
            case "REQBODY_PROCESSOR" -> {
                if (!r.bodyProcessor().isEmpty()) {
                    scalar(c, r.bodyProcessor(), out);
                }
            }
            case "REMOTE_ADDR", "REMOTE_HOST" -> scalar(c, r.remoteAddress(), out);
            case "REMOTE_PORT" -> scalar(c, Integer.toString(r.remotePort()), out);
            case "SERVER_ADDR" -> scalar(c, r.serverAddress(), out);
            case "SERVER_PORT" -> scalar(c, Integer.toString(r.serverPort()), out);
            case "SERVER_NAME" -> scalar(c, hostName(r), out);
            case "UNIQUE_ID" -> scalar(c, tx.uniqueId(), out);
            case "DURATION" -> scalar(c, "0", out);
            case "TX", "IP", "GLOBAL", "SESSION", "USER", "RESOURCE" -> {
                if (namesOneMember(spec)) {
                    Target member = namedMember(tx, spec);
                    if (member != null) {
                        out.add(member);
                    }
                    return;
                }
                for (Entry entry : tx.collection(c)) {
                    if (spec.selects(entry.key())) {
                        out.add(entry.target(c));
                    }
                }
            }
            case "MATCHED_VAR" -> {
                if (tx.matchedVar() != null) {
                    scalar(c, tx.matchedVar().value(), out);
                }
            }
            case "MATCHED_VAR_NAME" -> {
                if (tx.matchedVar() != null) {
                    scalar(c, tx.matchedVar().name(), out);
                }
            }
            case "MATCHED_VARS" -> {
                for (Target t : tx.matchedVars()) {
                    if (spec.selects(t.name())) {
                        out.add(new Target(t.name(), t.value()));
                    }
                }
            }
            case "MATCHED_VARS_NAMES" -> {
                for (Target t : tx.matchedVars()) {
                    if (spec.selects(t.name())) {
                        out.add(new Target(t.name(), t.name()));
                    }
                }
            }
            case "XML" -> XmlValues.collect(r.xml(), spec, out);
            case "RESPONSE_STATUS", "RESPONSE_PROTOCOL", "RESPONSE_HEADERS", "RESPONSE_HEADERS_NAMES", "RESPONSE_BODY",
                    "RESPONSE_CONTENT_TYPE", "RESPONSE_CONTENT_LENGTH", "STATUS_LINE" -> response(tx.response(), c, spec, out);
            default -> {
                if (c.startsWith("MULTIPART_") || c.startsWith("REQBODY_") || c.equals("URLENCODED_ERROR")
                        || c.equals("INBOUND_DATA_ERROR")) {
                    scalar(c, r.flag(c), out);
                }
                // Others (GEO, ENV, response variables before a response, TIME…) hold nothing here.
            }
        }
    }

    /** A literal key of a mutable collection ({@code TX:EXECUTING_PARANOIA_LEVEL}, the paranoia gates): one lookup, not a scan. */
    static boolean namesOneMember(TargetSpec spec) {
        return spec.key().isPresent() && spec.keyPattern() == null;
    }

    /** The member {@link #namesOneMember} names, as a target, or {@code null} when the collection lacks it. */
    static Target namedMember(Transaction tx, TargetSpec spec) {
        Entry entry = tx.memberEntry(spec.collection(), spec.memberKey());
        return entry == null ? null : entry.target(spec.collection());
    }

    /** The {@code RESPONSE_*} variables; nothing before the response exists (phases 1 and 2). */
    private static void response(ResponseData response, String c, TargetSpec spec, List<Target> out) {
        if (response == null) {
            return;
        }
        switch (c) {
            case "RESPONSE_STATUS" -> scalar(c, Integer.toString(response.status()), out);
            case "RESPONSE_PROTOCOL" -> scalar(c, response.protocol(), out);
            case "RESPONSE_HEADERS" -> members(c, response.headers(), spec, out);
            case "RESPONSE_HEADERS_NAMES" -> names(c, response.headers(), spec, out);
            case "RESPONSE_BODY" -> {
                if (!response.body().isEmpty()) {
                    scalar(c, response.body(), out);
                }
            }
            case "RESPONSE_CONTENT_TYPE" -> scalar(c, response.contentType(), out);
            case "RESPONSE_CONTENT_LENGTH" -> scalar(c, response.contentLength(), out);
            default -> scalar(c, response.protocol() + " " + response.status(), out); // STATUS_LINE
        }
    }

    private static void members(String collection, List<Entry> entries, TargetSpec spec, List<Target> out) {
        for (Entry entry : entries) {
            if (spec.selects(entry.key())) {
                out.add(new Target(collection + ":" + entry.key(), entry.value()));
            }
        }
    }

    private static void names(String collection, List<Entry> entries, TargetSpec spec, List<Target> out) {
        for (Entry entry : entries) {
            if (spec.selects(entry.key())) {
                out.add(new Target(collection + ":" + entry.key(), entry.key()));
            }
        }
    }

    private static void scalar(String name, String value, List<Target> out) {
        out.add(new Target(name, value));
    }

    private static long combinedSize(RequestData r) {
        long size = 0;
        for (Entry e : r.argsGet()) {
            size += e.key().length() + e.value().length();
        }
        for (Entry e : r.argsPost()) {
            size += e.key().length() + e.value().length();
        }
        return size;
    }

    private static String hostName(RequestData r) {
        for (Entry e : r.headers()) {
            if (e.key().equalsIgnoreCase("Host")) {
                String host = e.value();
                int colon = host.lastIndexOf(':');
                return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
            }
        }
        return r.serverAddress();
    }
}
