package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.RuleMatch;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders rule matches as ModSecurity v2 writes them to Apache's error log, which is what the
 * suite's {@code log_contains} regexes were written against:
 * {@code ModSecurity: Warning. [id "942100"] [msg "..."] [data "..."] [severity "CRITICAL"] [tag "..."]}.
 * Quotes, backslashes and bytes outside printable ASCII are escaped as ModSecurity's
 * {@code log_escape} does ({@code \"}, {@code \\}, {@code \xHH}).
 */
public final class ErrorLog {
    private ErrorLog() {}

    public static String render(List<RuleMatch> matches) {
        return matches.stream().map(ErrorLog::line).collect(Collectors.joining("\n"));
    }

    public static String line(RuleMatch match) {
        StringBuilder line = new StringBuilder("ModSecurity: ");
        line.append(match.disruptive() ? "Access denied (phase " + match.phase() + ")." : "Warning.");
        field(line, "id", Long.toString(match.id()));
        field(line, "msg", match.message());
        if (match.data() != null && !match.data().isEmpty()) {
            field(line, "data", match.data());
        }
        if (match.severity() != null && !match.severity().isEmpty()) {
            field(line, "severity", match.severity());
        }
        for (String tag : match.tags()) {
            field(line, "tag", tag);
        }
        return line.toString();
    }

    /** Lines for bare ids, when a server reports only which rules fired ({@code X-Palisade-Waf-Rules}). */
    public static String renderIds(Collection<Long> ids) {
        return ids.stream().sorted().map(id -> "ModSecurity: Warning. [id \"" + id + "\"]")
                .collect(Collectors.joining("\n"));
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(" [").append(name).append(" \"").append(escape(value == null ? "" : value)).append("\"]");
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                // ModSecurity v2's log_escape: every byte outside 0x20..0x7e as \xHH
                if (c > 0xff) {
                    out.append(c);
                } else {
                    out.append(String.format("\\x%02x", (int) c));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
