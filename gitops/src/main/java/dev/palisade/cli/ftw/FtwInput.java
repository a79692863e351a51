package dev.palisade.cli.ftw;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage's request as the test file gives it, before the runner's rules fill it in (see
 * {@link RawRequests}). Absent keys are already the reference runners' defaults: method {@code GET},
 * uri {@code /}, version {@code HTTP/1.1}, port 80, protocol {@code http}.
 *
 * @param headers in the order the runner sends them (file order; go-ftw sorts a map by name), values
 *     as the runner would print them
 * @param data the body; a YAML list of lines is already joined with CRLF
 * @param stopMagic FTW v1 {@code stop_magic}: no added headers, no re-encoding
 * @param autocompleteHeaders go-ftw {@code autocomplete_headers} (default true)
 * @param encodedRequest base64 of the whole request, sent byte for byte
 * @param rawRequest the whole request as text
 */
public record FtwInput(FtwFormat format, String destAddr, int port, String protocol, String method, String uri,
        String version, List<Header> headers, Optional<String> data, boolean stopMagic, boolean autocompleteHeaders,
        Optional<String> encodedRequest, Optional<String> rawRequest) {

    public FtwInput {
        Objects.requireNonNull(format, "format");
        headers = List.copyOf(headers);
    }

    /** A request header as written in the test file. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
