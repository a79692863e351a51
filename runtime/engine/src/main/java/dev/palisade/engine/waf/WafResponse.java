package dev.palisade.engine.waf;

import java.util.List;
import java.util.Objects;

/**
 * The upstream's response as the WAF's phases 3 and 4 see it. Text is a byte string (ISO-8859-1).
 *
 * @param body the response body, at most the configured response-body limit (the caller cuts it);
 *     empty when it was not read
 */
public record WafResponse(int status, String protocol, List<WafRequest.Header> headers, byte[] body) {
    public WafResponse {
        Objects.requireNonNull(protocol, "protocol");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first header with this name (case-insensitive), if any. */
    public java.util.Optional<String> header(String name) {
        for (WafRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(header.value());
            }
        }
        return java.util.Optional.empty();
    }
}
