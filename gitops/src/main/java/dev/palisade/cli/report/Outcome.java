package dev.palisade.cli.report;

/**
 * What happened to one request, as the report's charts split traffic. Disjoint: a request the WAF
 * only detected (rules fired, none disruptive, so it was forwarded) is {@link #DETECTED_ONLY}, not
 * {@link #ALLOWED}; both are passthrough.
 */
public enum Outcome {
    ALLOWED("allowed", "Allowed"),
    DETECTED_ONLY("detected", "Detected only (WAF, not blocked)"),
    DENIED_BY_ALP("alp", "Denied by ALP"),
    BLOCKED_BY_WAF("waf", "Blocked by WAF"),
    /** Refused before any policy ran (malformed framing, a body over the limit): {@code "type":"protocol"}. */
    REJECTED("rejected", "Rejected (protocol)");

    private final String key;
    private final String label;

    Outcome(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stable key in the report's data and its {@code data-testid}s. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Forwarded to the upstream. */
    public boolean passthrough() {
        return this == ALLOWED || this == DETECTED_ONLY;
    }

    /** Stopped by a policy (ALP or WAF); protocol rejections are not counted as blocks by policy. */
    public boolean blocked() {
        return this == DENIED_BY_ALP || this == BLOCKED_BY_WAF;
    }
}
