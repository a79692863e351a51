package dev.palisade.cli.ftw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges one stage's outcome against its expectation, as the reference runners do: regexes
 * ({@code log_contains}, {@code no_log_contains}, {@code match_regex}, {@code no_match_regex}) are
 * searched for anywhere in the rendered log ({@code id "942100"} matches
 * {@code [id "942100"]}); {@code expect_ids}/{@code no_expect_ids} compare rule id sets; a status
 * list allows any of its values; {@code expect_error} wants no valid HTTP response.
 *
 * <p>Every unmet expectation is in the reason, not just the first. Expectations the target cannot
 * judge (fired rules from a server without the debug header, a response body in process) make the
 * stage SKIPPED, unless something it can judge failed.
 */
public final class FtwJudge {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private FtwJudge() {}

    public static FtwVerdict judge(FtwExpectation expected, FtwOutcome outcome) {
        if (outcome.httpError().isPresent()) {
            return expected.expectError() ? FtwVerdict.passed()
                    : FtwVerdict.failed("no valid HTTP response: " + outcome.httpError().get());
        }
        List<String> problems = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        int status = outcome.status().orElse(-1);
        if (expected.expectError()) {
            problems.add("expected an HTTP-level error, got status " + status);
        }
        if (!expected.status().isEmpty() && !expected.status().contains(status)) {
            problems.add("expected status " + (expected.status().size() == 1 ? expected.status().get(0)
                    : "one of " + expected.status()) + ", got " + status);
        }
        if (expected.readsLog()) {
            if (outcome.rulesVisible()) {
                judgeLog(expected, outcome, problems);
            } else {
                unjudged.add("the target does not report fired rules (no " + WireTarget.RULES_HEADER + " header)");
            }
        }
        if (!expected.responseContains().isEmpty()) {
            if (outcome.responseBody().isEmpty()) {
                unjudged.add("response_contains needs a response body (run against a server with --target)");
            } else {
                for (String regex : expected.responseContains()) {
                    if (!pattern(regex).matcher(outcome.responseBody().get()).find()) {
                        problems.add("the response body does not match `" + regex + "`");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return FtwVerdict.failed(String.join("; ", problems));
        }
        return unjudged.isEmpty() ? FtwVerdict.passed() : FtwVerdict.skipped(String.join("; ", unjudged));
    }

    private static void judgeLog(FtwExpectation expected, FtwOutcome outcome, List<String> problems) {
        String fired = fired(outcome.firedIds());
        List<Long> missing = expected.expectIds().stream().filter(id -> !outcome.firedIds().contains(id)).toList();
        if (!missing.isEmpty()) {
            problems.add("expected " + ids(missing) + ", " + fired);
        }
        List<Long> unwanted = expected.noExpectIds().stream().filter(outcome.firedIds()::contains).toList();
        if (!unwanted.isEmpty()) {
            problems.add("expected " + ids(unwanted) + " not to fire, " + fired);
        }
        for (String regex : expected.logContains()) {
            if (!pattern(regex).matcher(outcome.log()).find()) {
                problems.add("log does not match `" + regex + "`, " + fired);
            }
        }
        for (String regex : expected.noLogContains()) {
            if (pattern(regex).matcher(outcome.log()).find()) {
                problems.add("log matches `" + regex + "`, " + fired);
            }
        }
    }

    /** {@code fired [920350, 942110]}, sorted, or {@code fired nothing}. */
    static String fired(Set<Long> ids) {
        return ids.isEmpty() ? "fired nothing" : "fired " + new TreeSet<>(ids);
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}
