package dev.palisade.cli.report;

import java.util.List;

/**
 * One WAF rule that fired on a request, from the line's {@code "waf"} array.
 *
 * @param id the rule id (942100)
 * @param message its {@code msg}, or {@code null}
 * @param tags its tags ({@code attack-sqli}, {@code paranoia-level/1}, …)
 * @param disruptive whether it decided the request (blocking mode)
 */
public record FiredRule(long id, String message, List<String> tags, boolean disruptive) {
    public FiredRule {
        tags = List.copyOf(tags);
    }
}
