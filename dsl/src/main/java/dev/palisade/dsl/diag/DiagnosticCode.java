package dev.palisade.dsl.diag;

/**
 * Every diagnostic Palisade can report, with a stable id. Ids never change meaning; retired ids
 * are not reused. The README lists them.
 */
public enum DiagnosticCode {
    // P00xx: the file itself
    UNREADABLE_FILE("P0001", "file cannot be read"),
    NOT_TEXT("P0002", "file is not UTF-8 text"),
    FILE_TOO_LARGE("P0003", "file is larger than a policy can be"),
    EMPTY_FILE("P0004", "file declares nothing"),
    TOO_MANY_ERRORS("P0005", "too many errors, the rest are not shown"),

    // P01xx: syntax
    SYNTAX("P0101", "syntax error"),
    UNTERMINATED_STRING("P0102", "unterminated string"),
    INVALID_CHARACTER("P0103", "character not allowed here"),
    NESTING_TOO_DEEP("P0104", "nesting too deep"),
    UNTERMINATED_COMMENT("P0105", "unterminated comment"),
    INVALID_ESCAPE("P0106", "invalid escape sequence"),

    // P02xx: declarations and structure
    DUPLICATE_POLICY("P0201", "duplicate policy name"),
    UNKNOWN_BLOCK("P0202", "unknown block"),
    DUPLICATE_SETTING("P0203", "setting given twice"),
    UNKNOWN_TIER("P0204", "unknown tier"),
    DUPLICATE_TIER("P0205", "duplicate tier"),
    MISSING_SELECTOR("P0206", "policy has no selector"),
    INVALID_NAME("P0207", "invalid name"),
    INVALID_NUMBER("P0208", "invalid number"),

    // P03xx: application layer policy
    UNKNOWN_METHOD("P0301", "unknown HTTP method"),
    DUPLICATE_METHOD("P0302", "method listed twice"),
    PATH_NOT_ABSOLUTE("P0303", "path does not start with /"),
    PATH_HAS_QUERY_OR_FRAGMENT("P0304", "path contains ? or #"),
    PATH_NOT_NORMALIZABLE("P0305", "path can never match a request"),
    PATH_NOT_NORMAL("P0306", "path is not in normal form"),
    CONTRADICTING_RULES("P0307", "allow rule is overridden by a deny rule"),
    DUPLICATE_RULE("P0308", "rule repeats an earlier rule"),
    PATH_TOO_LONG("P0309", "path longer than 1024 characters"),

    // P04xx: selectors
    SELECTOR_SYNTAX("P0401", "invalid selector"),
    INVALID_LABEL_KEY("P0402", "invalid label key"),
    SELECTOR_TOO_LONG("P0403", "selector longer than 1024 characters"),

    // P05xx: web application firewall
    UNKNOWN_RULE_ID("P0501", "unknown rule id"),
    DUPLICATE_RULE_ID("P0502", "duplicate rule id"),
    UNKNOWN_OPERATOR("P0503", "unknown operator"),
    UNKNOWN_TRANSFORMATION("P0504", "unknown transformation"),
    UNKNOWN_VARIABLE("P0505", "unknown variable"),
    OUT_OF_RANGE("P0506", "value out of range"),
    INVALID_REGEX("P0507", "invalid regular expression"),
    MISSING_FILE("P0508", "included file not found"),
    UNKNOWN_PHASE("P0509", "unknown phase"),
    RESERVED_RULE_ID("P0510", "rule id reserved for the Core Rule Set"),
    INCLUDE_CYCLE("P0511", "files include each other"),
    UNKNOWN_DIRECTIVE("P0512", "unknown SecLang directive"),
    WRONG_ARGUMENTS("P0513", "wrong arguments for a directive or action"),
    UNREADABLE_DATA_FILE("P0514", "WAF data file cannot be read"),

    // P06xx: logging
    INVALID_DURATION("P0601", "invalid duration"),

    // P064x: Envoy
    ENVOY_PATH_SPELLINGS("P0640", "path has spellings Envoy's RBAC filter tells apart"),
    ENVOY_BODY_LIMIT("P0641", "request body limit Envoy cannot buffer"),

    // P07xx: tests
    UNKNOWN_POLICY("P0701", "test names an unknown policy"),
    INVALID_STATUS("P0702", "invalid HTTP status"),
    NO_WORKLOAD("P0703", "test workload cannot be inferred"),
    IMPOSSIBLE_DECIDER("P0704", "test expects a decider that cannot decide so"),
    ONE_BODY("P0705", "test request has more than one body"),

    // P09xx: our own failures
    INTERNAL("P0900", "internal compiler error"),

    // P06xx: backends (P0601 is the logging group's INVALID_DURATION, so the Calico codes start at P0602)
    CALICO_DENY_NOT_EXPRESSIBLE("P0602", "deny cannot be expressed as Calico rules"),
    CALICO_SELECTION_OVERLAP("P0603", "deny's policy overlaps a later policy Calico cannot subtract from"),
    CALICO_METHOD_NAMED_ANY("P0604", "method `*` means any method in Calico"),
    CALICO_PATH_TOO_LONG("P0605", "path too long for Calico"),
    CALICO_RESERVED_NAME("P0606", "name reserved by Calico or the Calico backend"),
    CALICO_NAME_TOO_LONG("P0607", "Calico object name too long"),
    CALICO_ORDER_TIE("P0608", "Calico may break an order tie differently"),
    CALICO_SELECTOR_TOO_LONG("P0609", "selector too long for Calico"),
    CALICO_TOO_MANY_RULES("P0610", "too many rules for one Calico policy"),
    CALICO_OWN_LABEL("P0611", "selector names a label Calico sets itself"),

    // P062x: Calico application layer and WAF
    LOG_SETTINGS_MERGED("P0620", "log settings differ between policies; Calico has one for the cluster"),
    WAF_ATTACHMENT("P0621", "Calico's global WAF applies to every workload its WAF serves, not to a selector"),
    WAF_GLOBAL_CONFLICT("P0622", "Calico has one cluster-wide WAF policy"),
    WAF_CRS_SETTING("P0623", "Calico's WAF cannot carry a Core Rule Set setting exactly"),
    WAF_RULES_NOT_EMITTED("P0624", "WAF rules not yet emitted for Calico"),
    WAF_ROUTE_ATTACHMENT("P0625", "Calico's WAFPolicy inspects only the traffic of a Gateway API route"),

    // P066x: SecLang backend
    SECLANG_INEXACT("P0660", "WAF rule cannot be written as SecLang exactly"),
    SECLANG_CRS_CHANGE("P0661", "change to a Core Rule Set rule cannot be written as SecLang"),

    // P068x: Kubernetes backend
    K8S_FILE_NOT_CARRIED("P0680", "file cannot be carried in the policies' ConfigMap");

    private final String id;
    private final String title;

    DiagnosticCode(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
