package dev.palisade.cli.tune;

import java.util.List;

/**
 * A request known to be benign, with the WAF rules that fired on it.
 *
 * @param source where it came from: {@code access.log:12} or {@code test www (www.pal:20:5)}
 * @param service the {@code dest_service}, or the policy's name for a test case
 * @param namespace the {@code dest_namespace}, or {@code null}
 * @param path the path as the WAF sees it ({@code REQUEST_FILENAME}: decoded, without the query)
 * @param firings the rules that fired on it
 * @param policy the policy whose {@code waf} ran (a test case's), or the one its log line names (the
 *     {@code policy} field: the policy that decided it); {@code null} when unknown
 */
public record BenignRequest(String source, String service, String namespace, String path, List<Firing> firings,
        String policy) {
    public BenignRequest {
        firings = List.copyOf(firings);
    }

    /**
     * One rule that fired.
     *
     * @param ruleId the rule's id
     * @param message its {@code msg}, or {@code null}
     * @param data its logged data ({@code Matched Data: … found within ARGS:q: …}), or {@code null}
     */
    public record Firing(long ruleId, String message, String data) {}
}
