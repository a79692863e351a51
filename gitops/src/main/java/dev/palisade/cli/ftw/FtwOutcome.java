package dev.palisade.cli.ftw;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What came of one stage's request.
 *
 * @param status the response status; empty when no valid response came
 * @param firedIds the ids of the rules that logged a match
 * @param log the WAF's log for this request, one ModSecurity-style line per match ({@link ErrorLog});
 *     what {@code log_contains} and {@code match_regex} run over
 * @param rulesVisible whether the target reports fired rules at all (a server without the debug
 *     header does not); log expectations are skipped when it does not
 * @param httpError why there was no valid HTTP response (what {@code expect_error} expects)
 * @param responseBody the response body as a byte string, when the target has one
 */
public record FtwOutcome(OptionalInt status, Set<Long> firedIds, String log, boolean rulesVisible,
        Optional<String> httpError, Optional<String> responseBody) {

    public FtwOutcome {
        firedIds = Set.copyOf(firedIds);
    }

    public static FtwOutcome httpError(String reason) {
        return new FtwOutcome(OptionalInt.empty(), Set.of(), "", true, Optional.of(reason), Optional.empty());
    }
}
