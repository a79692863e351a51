package dev.palisade.cli.report;

import java.time.Instant;

/**
 * What {@code palisade report}'s flags keep; {@code null} keeps everything. Summary lines name no
 * workload, so a service or namespace filter leaves them out: their counts cannot be attributed.
 *
 * @param service keep only this {@code dest_service}
 * @param namespace keep only this {@code dest_namespace}
 * @param since keep lines at or after this time
 * @param until keep lines before this time
 */
public record ReportFilter(String service, String namespace, Instant since, Instant until) {
    public static final ReportFilter ALL = new ReportFilter(null, null, null, null);

    public boolean admits(LogEntry entry) {
        if (since != null && entry.timestamp().isBefore(since)) {
            return false;
        }
        if (until != null && !entry.timestamp().isBefore(until)) {
            return false;
        }
        if (service != null && !service.equals(entry.service())) {
            return false;
        }
        return namespace == null || namespace.equals(entry.namespace());
    }

    /** What the page says it shows. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (service != null) {
            text.append(" service ").append(service);
        }
        if (namespace != null) {
            text.append(" namespace ").append(namespace);
        }
        if (since != null) {
            text.append(" since ").append(since);
        }
        if (until != null) {
            text.append(" until ").append(until);
        }
        return text.length() == 0 ? "all lines" : text.substring(1);
    }
}
