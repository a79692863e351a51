package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.TestDecl;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code multipart/form-data} body as a browser sends a form with a file input (RFC 7578): a
 * part per field, a file part with its {@code filename} and a {@code Content-Type}, CRLF line ends.
 * The boundary is fixed unless a part's text contains it, so a test's request is the same bytes
 * on every run.
 */
record MultipartBody(String contentType, byte[] bytes) {
    private static final String BOUNDARY = "palisade-test-boundary";

    static MultipartBody of(List<TestDecl.Part> parts) {
        String boundary = BOUNDARY;
        for (int n = 1; contains(parts, boundary); n++) {
            boundary = BOUNDARY + "-" + n;
        }
        StringBuilder body = new StringBuilder();
        for (TestDecl.Part part : parts) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(part.name().text())).append('"');
            part.filename().ifPresent(filename -> body.append("; filename=\"").append(quoted(filename.value())).append('"'));
            body.append("\r\n");
            if (part.filename().isPresent()) {
                body.append("Content-Type: application/octet-stream\r\n");
            }
            body.append("\r\n").append(part.content().value()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return new MultipartBody("multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean contains(List<TestDecl.Part> parts, String boundary) {
        return parts.stream().anyMatch(part -> part.content().value().contains(boundary)
                || part.filename().map(name -> name.value().contains(boundary)).orElse(false));
    }

    /** As browsers write names in a quoted header parameter: quote and line breaks percent-encoded. */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
