package dev.palisade.engine.waf;

import java.util.List;

/**
 * A rule that matched and logs (ModSecurity's {@code [id "942100"] [msg …] [data …]} line).
 *
 * @param data the rule's expanded {@code logdata}, empty when it has none
 * @param disruptive whether this match interrupted the transaction
 */
public record RuleMatch(long id, int phase, String message, String data, String severity, List<String> tags,
        boolean disruptive) {
    public RuleMatch {
        tags = List.copyOf(tags);
    }
}
