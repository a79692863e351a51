package dev.palisade.compiler.check;

import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import java.util.Set;

/**
 * The names the WAF understands, as ModSecurity v2/v3 documents them: operators, transformations,
 * variables and phases. The checker reports anything else at the policy line. The engine's
 * implementations of these arrive with the WAF; a test will then assert both list the same names.
 */
final class WafCatalog {
    private WafCatalog() {}

    static final Set<String> OPERATORS = Set.of(
            "beginsWith", "contains", "containsWord", "detectSQLi", "detectXSS", "endsWith", "eq", "fuzzyHash", "ge",
            "geoLookup", "gsbLookup", "gt", "inspectFile", "ipMatch", "ipMatchF", "ipMatchFromFile", "le", "lt",
            "noMatch", "pm", "pmf", "pmFromFile", "rbl", "rsub", "rx", "streq", "strmatch", "unconditionalMatch",
            "validateByteRange", "validateDTD", "validateHash", "validateSchema", "validateUrlEncoding",
            "validateUtf8Encoding", "verifyCC", "verifyCPF", "verifySSN", "within");

    static final Set<String> TRANSFORMATIONS = Set.of(
            "base64Decode", "base64DecodeExt", "base64Encode", "cmdLine", "compressWhitespace", "cssDecode",
            "escapeSeqDecode", "hexDecode", "hexEncode", "htmlEntityDecode", "jsDecode", "length", "lowercase", "md5",
            "none", "normalisePath", "normalisePathWin", "normalizePath", "normalizePathWin", "parityEven7bit",
            "parityOdd7bit", "parityZero7bit", "removeComments", "removeCommentsChar", "removeNulls",
            "removeWhitespace", "replaceComments", "replaceNulls", "sha1", "sqlHexDecode", "trim", "trimLeft",
            "trimRight", "uppercase", "urlDecode", "urlDecodeUni", "urlEncode", "utf8toUnicode");

    static final Set<String> VARIABLES = Set.of(
            "ARGS", "ARGS_COMBINED_SIZE", "ARGS_GET", "ARGS_GET_NAMES", "ARGS_NAMES", "ARGS_POST", "ARGS_POST_NAMES",
            "AUTH_TYPE", "DURATION", "ENV", "FILES", "FILES_COMBINED_SIZE", "FILES_NAMES", "FILES_SIZES",
            "FILES_TMPNAMES", "FILES_TMP_CONTENT", "FULL_REQUEST", "FULL_REQUEST_LENGTH", "GEO", "GLOBAL",
            "HIGHEST_SEVERITY", "INBOUND_DATA_ERROR", "IP", "MATCHED_VAR", "MATCHED_VARS", "MATCHED_VARS_NAMES",
            "MATCHED_VAR_NAME", "MULTIPART_BOUNDARY_QUOTED", "MULTIPART_BOUNDARY_WHITESPACE", "MULTIPART_CRLF_LF_LINES",
            "MULTIPART_DATA_AFTER", "MULTIPART_DATA_BEFORE", "MULTIPART_FILENAME", "MULTIPART_FILE_LIMIT_EXCEEDED",
            "MULTIPART_HEADER_FOLDING", "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_INVALID_PART",
            "MULTIPART_INVALID_QUOTING", "MULTIPART_LF_LINE", "MULTIPART_MISSING_SEMICOLON", "MULTIPART_NAME",
            "MULTIPART_PART_HEADERS", "MULTIPART_STRICT_ERROR", "MULTIPART_UNMATCHED_BOUNDARY", "OUTBOUND_DATA_ERROR",
            "PATH_INFO", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "REMOTE_USER", "REQBODY_ERROR",
            "REQBODY_ERROR_MSG", "REQBODY_PROCESSOR", "REQBODY_PROCESSOR_ERROR", "REQUEST_BASENAME", "REQUEST_BODY",
            "REQUEST_BODY_LENGTH", "REQUEST_COOKIES", "REQUEST_COOKIES_NAMES", "REQUEST_FILENAME", "REQUEST_HEADERS",
            "REQUEST_HEADERS_NAMES", "REQUEST_LINE", "REQUEST_METHOD", "REQUEST_PROTOCOL", "REQUEST_URI",
            "REQUEST_URI_RAW", "RESPONSE_BODY", "RESPONSE_CONTENT_LENGTH", "RESPONSE_CONTENT_TYPE", "RESPONSE_HEADERS",
            "RESPONSE_HEADERS_NAMES", "RESPONSE_PROTOCOL", "RESPONSE_STATUS", "RULE", "SERVER_ADDR", "SERVER_NAME",
            "SERVER_PORT", "SESSION", "SESSIONID", "STATUS_LINE", "TIME", "TIME_DAY", "TIME_EPOCH", "TIME_HOUR",
            "TIME_MIN", "TIME_MON", "TIME_SEC", "TIME_WDAY", "TIME_YEAR", "TX", "UNIQUE_ID", "URLENCODED_ERROR",
            "USER", "USERID", "WEBAPPID", "XML");

    /** Palisade's phase names, and ModSecurity's numbers for them. */
    static final Set<String> PHASES = Set.of(
            "request-headers", "request-body", "response-headers", "response-body", "logging", "1", "2", "3", "4", "5");

    /** ModSecurity's actions, as SecLang writes them. */
    static final Set<String> SECLANG_ACTIONS = Set.of(
            "accuracy", "allow", "append", "auditlog", "block", "capture", "chain", "ctl", "deny", "deprecatevar",
            "drop", "exec", "expirevar", "id", "initcol", "log", "logdata", "maturity", "msg", "multiMatch",
            "noauditlog", "nolog", "pass", "pause", "phase", "prepend", "proxy", "redirect", "rev", "sanitiseArg",
            "sanitiseMatched", "sanitiseMatchedBytes", "sanitiseRequestHeader", "sanitiseResponseHeader", "setenv",
            "setrsc", "setsid", "setuid", "setvar", "severity", "skip", "skipAfter", "status", "t", "tag", "ver",
            "xmlns");

    static final Set<String> SECLANG_PHASES = Set.of("1", "2", "3", "4", "5", "request", "response", "logging");

    static final Set<String> RULE_ACTIONS = Set.of(
            "block", "pass", "log", "nolog", "auditlog", "noauditlog", "capture", "severity", "tag", "msg", "logdata",
            "setvar", "status", "redirect", "t", "multiMatch", "ver", "maturity", "accuracy", "rev");

    /** Reports {@code name} unless the catalog has it, with the closest known name as help. */
    static void checkKnown(String name, Span span, Set<String> catalog, DiagnosticCode code, String what,
            Diagnostics diagnostics) {
        if (!catalog.contains(name)) {
            diagnostics.error(code, span, "unknown " + what + " `" + name + "`",
                    Suggestions.didYouMean(name, catalog).orElse(null));
        }
    }
}
