package dev.palisade.cli.tune;

import dev.palisade.engine.waf.ByteText;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A suggested {@code exclude rule} line for a policy's {@code waf} block.
 *
 * @param ruleId the rule to exclude
 * @param variable the one variable to take out of its inspection ({@code ARGS:q}), as the WAF names
 *     it (bytes, one char each), or empty for the whole rule
 * @param scope the paths it applies on, or empty for everywhere
 */
public record Exclusion(long ruleId, Optional<String> variable, Optional<PathScope> scope) {
    /** A member the grammar reads as a name; anything else is written as a string. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.\\-]*");

    /** {@code exclude rule 942100 for ARGS:q on path prefix "/search"}. */
    public String toPalisade() {
        StringBuilder line = new StringBuilder("exclude rule ").append(ruleId);
        variable.ifPresent(name -> line.append(" for ").append(variable(name)));
        scope.ifPresent(paths -> line.append(' ').append(paths.toPalisade()));
        return line.toString();
    }

    private static String variable(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return name;
        }
        String member = ByteText.text(name.substring(colon + 1)).orElseThrow();
        return name.substring(0, colon + 1) + (NAME.matcher(member).matches() ? member : Quoting.string(member));
    }
}
