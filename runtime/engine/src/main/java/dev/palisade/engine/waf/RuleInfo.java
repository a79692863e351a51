package dev.palisade.engine.waf;

import java.util.List;

/**
 * What a rule logs about itself: the head of a chain carries it for the whole chain. Message
 * and logdata are templates with macros, expanded when the rule matches.
 *
 * @param location {@code file:line} of the rule, for logs and generated code
 */
public record RuleInfo(long id, int phase, String message, String logData, String severity, List<String> tags,
        String location) {
    public RuleInfo {
        tags = List.copyOf(tags);
    }
}
