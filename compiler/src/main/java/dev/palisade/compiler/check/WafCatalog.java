package dev.palisade.compiler.check;

import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.engine.waf.Variables;
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

    /** The engine's own list: a name the checker accepts is one the engine can read. */
    static final Set<String> VARIABLES = Variables.NAMES;

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
