package dev.palisade.cli.tune;

import java.util.List;
import java.util.Set;

/**
 * What an operator marks benign: request ids (the log's {@code request_id}, from {@code --benign FILE},
 * one a line) and path prefixes ({@code --benign-path /search}: that path and everything under it,
 * on segment boundaries, the query ignored).
 */
public record BenignMarks(Set<String> requestIds, List<String> pathPrefixes) {
    public BenignMarks {
        requestIds = Set.copyOf(requestIds);
        pathPrefixes = List.copyOf(pathPrefixes);
    }

    public boolean isEmpty() {
        return requestIds.isEmpty() && pathPrefixes.isEmpty();
    }

    public boolean marks(String requestId, String path) {
        if (requestId != null && requestIds.contains(requestId)) {
            return true;
        }
        for (String prefix : pathPrefixes) {
            String base = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (path.equals(base) || base.equals("/") || path.startsWith(base + "/")) {
                return true;
            }
        }
        return false;
    }
}
