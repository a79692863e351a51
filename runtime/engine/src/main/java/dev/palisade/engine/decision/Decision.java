package dev.palisade.engine.decision;

/**
 * An ALP decision with everything a log line needs. Decisions are built once per bundle, when it
 * is loaded, and shared: deciding a request allocates nothing.
 *
 * @param action allow or deny
 * @param status the HTTP status a denied request gets (0 when allowed)
 * @param reason why
 * @param policy the deciding policy's name, or {@code null} when no rule decided
 * @param tier the deciding tier's name, or {@code null} when no policy applied
 * @param rule the deciding rule's index within its policy's ALP block (source order, from 0), or -1
 * @param location {@code file:line:col} of the deciding rule (or policy, tier), or {@code null}
 * @param description the deciding rule as written, for logs, or a short text for the default
 */
public record Decision(
        Action action,
        int status,
        Reason reason,
        String policy,
        String tier,
        int rule,
        String location,
        String description) {

    public static final int DENY_STATUS = 403;

    public static final Decision NO_POLICY =
            new Decision(Action.ALLOW, 0, Reason.NO_POLICY, null, null, -1, null, "no ALP policy selects the workload");

    public boolean allowed() {
        return action == Action.ALLOW;
    }

    /** One line for people: {@code deny 403 by www rule 2 (www.pal:7:5) deny path prefix "/.git"}. */
    public String summary() {
        StringBuilder text = new StringBuilder(action == Action.ALLOW ? "allow" : "deny " + status);
        switch (reason) {
            case RULE -> text.append(" by policy ").append(policy).append(" rule ").append(rule + 1);
            case TIER_DEFAULT -> text.append(" by default of tier ").append(tier);
            case END_OF_TIERS -> text.append(" at the end of all tiers");
            case NO_POLICY -> text.append(": no ALP policy selects the workload");
        }
        if (location != null) {
            text.append(" (").append(location).append(')');
        }
        if (reason == Reason.RULE && description != null) {
            text.append(": ").append(description);
        }
        return text.toString();
    }
}
