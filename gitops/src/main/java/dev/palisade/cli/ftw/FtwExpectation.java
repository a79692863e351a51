package dev.palisade.cli.ftw;

import java.util.List;

/**
 * What a stage expects. Both dialects map here: FTW v1 {@code log_contains}/{@code no_log_contains} and
 * go-ftw {@code log.match_regex}/{@code log.no_match_regex} are regexes over the rendered log;
 * go-ftw {@code log.expect_ids}/{@code log.no_expect_ids} are rule ids.
 *
 * @param status allowed response statuses; empty when any will do
 * @param expectError the request must fail at the HTTP level (no valid response)
 * @param retryOnce go-ftw: a failing stage is sent once more before it counts
 */
public record FtwExpectation(List<Integer> status, List<String> logContains, List<String> noLogContains,
        List<Long> expectIds, List<Long> noExpectIds, List<String> responseContains, boolean expectError,
        boolean retryOnce) {

    public FtwExpectation {
        status = List.copyOf(status);
        logContains = List.copyOf(logContains);
        noLogContains = List.copyOf(noLogContains);
        expectIds = List.copyOf(expectIds);
        noExpectIds = List.copyOf(noExpectIds);
        responseContains = List.copyOf(responseContains);
    }

    /** Whether judging needs to know which rules fired. */
    public boolean readsLog() {
        return !logContains.isEmpty() || !noLogContains.isEmpty() || !expectIds.isEmpty() || !noExpectIds.isEmpty();
    }

    /** Whether anything at all is expected (go-ftw allows an empty output). */
    public boolean isEmpty() {
        return status.isEmpty() && !readsLog() && responseContains.isEmpty() && !expectError;
    }
}
