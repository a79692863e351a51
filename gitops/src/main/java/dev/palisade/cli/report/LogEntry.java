package dev.palisade.cli.report;

import java.time.Instant;
import java.util.List;

/**
 * One decision log line as the report reads it. A {@code "type":"summary"} line becomes an entry
 * with {@link #outcome} {@code null} that only carries {@link #notLogged}: the requests of its
 * interval that have no line of their own.
 *
 * @param timestamp when the request was received (the interval's end for a summary)
 * @param outcome what happened, or {@code null} for a summary
 * @param service the {@code dest_service}, or {@code null} (protocol rejections, summaries, old logs)
 * @param namespace the {@code dest_namespace}, or {@code null}
 * @param status the status the client got (0 for a summary)
 * @param method the method, or {@code null}
 * @param path the request-target as received, or {@code null}
 * @param sourceIp the client's address, or {@code null}
 * @param rules the WAF rules that fired
 * @param notLogged for a summary, the requests not logged individually; else 0
 */
public record LogEntry(Instant timestamp, Outcome outcome, String service, String namespace, int status,
        String method, String path, String sourceIp, List<FiredRule> rules, long notLogged) {

    public LogEntry {
        rules = List.copyOf(rules);
    }

    public boolean summary() {
        return outcome == null;
    }
}
