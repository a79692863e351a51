package dev.palisade.cli.tune;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable a rule matched, read from its logged data. CRS rules log
 * {@code Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: %{MATCHED_VAR}}, so the name
 * after "found within" is the one an exclusion should target ({@code ARGS:q},
 * {@code REQUEST_COOKIES:session}). A rule that logs something else gives no variable, and the
 * suggestion then excludes the whole rule.
 */
public final class MatchedVariable {
    /** Collections an exclusion can name with a member: the ones ModSecurity's ctl:ruleRemoveTargetById takes. */
    private static final Pattern FOUND_WITHIN = Pattern.compile(
            "found within ((?:ARGS|ARGS_GET|ARGS_POST|ARGS_NAMES|REQUEST_COOKIES|REQUEST_COOKIES_NAMES|REQUEST_HEADERS"
                    + "|XML|FILES|FILES_NAMES):([A-Za-z0-9_.\\-\\[\\]]+)|REQUEST_FILENAME|REQUEST_BASENAME|REQUEST_URI"
                    + "|REQUEST_BODY|QUERY_STRING|ARGS_NAMES|REQUEST_COOKIES_NAMES)(?=:|$)");

    private MatchedVariable() {}

    /** {@code ARGS:q} from {@code Matched Data: select found within ARGS:q: select a product}. */
    public static Optional<String> from(String data) {
        if (data == null) {
            return Optional.empty();
        }
        Matcher matcher = FOUND_WITHIN.matcher(data);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
