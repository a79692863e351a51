package dev.palisade.engine.waf;

import java.util.List;
import java.util.Objects;

/**
 * One HTTP request as the WAF sees it: raw, before any normalisation. Text is a byte string (one
 * char per byte, ISO-8859-1), because attacks live in the bytes a decoder would reject.
 *
 * @param method the method token as sent (may be odd: {@code FOO}, {@code |GET})
 * @param target the request-target as sent: path and query, still percent-encoded
 * @param protocol {@code HTTP/1.1}, or whatever the client wrote there
 * @param headers in arrival order, names as sent (case kept), duplicates kept
 * @param body the request body after de-chunking; empty when there is none
 * @param remoteAddress the client's IP address as text
 */
public record WafRequest(String method, String target, String protocol, List<Header> headers, byte[] body,
        String remoteAddress, int remotePort, String serverAddress, int serverPort) {

    public WafRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A request from 127.0.0.1 to 127.0.0.1:80, for tests and tools. */
    public static WafRequest of(String method, String target, List<Header> headers, byte[] body) {
        return new WafRequest(method, target, "HTTP/1.1", headers, body, "127.0.0.1", 40000, "127.0.0.1", 80);
    }

    /** The first header with this name (case-insensitive), if any. */
    public java.util.Optional<String> header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(header.value());
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code Name: value}, both byte strings. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
