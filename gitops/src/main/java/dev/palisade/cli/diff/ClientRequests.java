package dev.palisade.cli.diff;

import dev.palisade.cli.testing.TestRequest;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requests a diff decides, as a common HTTP client puts them on the wire: {@code Host} naming
 * the workload, a {@code User-Agent} and an {@code Accept} header (at higher paranoia levels the
 * Core Rule Set scores their absence, which would move every request, not the ones a change is
 * about), and a {@code Content-Length} with every body.
 */
final class ClientRequests {
    static final String USER_AGENT = "Mozilla/5.0 (compatible; palisade-diff)";

    /** Where a request carries a probe's value, beyond the method, path and caller of its target. */
    record Extras(Optional<String> query, Optional<String> userAgent, Optional<String> cookie, Optional<String> form) {
        static final Extras NONE = new Extras(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private ClientRequests() {}

    static TestRequest of(AlpRequest target, Workload workload) {
        return of(target, workload, Extras.NONE);
    }

    static TestRequest of(AlpRequest target, Workload workload, Extras extras) {
        String requestTarget = target.path() + extras.query().map(query -> "?" + query).orElse("");
        List<TestRequest.Header> headers = new ArrayList<>(TestRequest.of(target.method(), requestTarget, workload).headers());
        headers.add(new TestRequest.Header("User-Agent", extras.userAgent().orElse(USER_AGENT)));
        headers.add(new TestRequest.Header("Accept", "*/*"));
        extras.cookie().ifPresent(cookie -> headers.add(new TestRequest.Header("Cookie", cookie)));
        byte[] body = extras.form().map(form -> form.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (extras.form().isPresent()) {
            headers.add(new TestRequest.Header("Content-Type", "application/x-www-form-urlencoded"));
        }
        if (body.length > 0 || List.of("POST", "PUT", "PATCH").contains(target.method())) {
            headers.add(new TestRequest.Header("Content-Length", Integer.toString(body.length)));
        }
        return new TestRequest(target.method(), requestTarget, headers, body, target.sourceServiceAccount(),
                target.sourceNamespace());
    }

    /** How a report shows a request: method, target, what a probe added, and the caller. */
    static String describe(TestRequest request) {
        StringBuilder text = new StringBuilder(request.method()).append(" \"").append(request.target()).append('"');
        for (TestRequest.Header header : request.headers()) {
            boolean added = header.name().equals("Cookie")
                    || header.name().equals("User-Agent") && !header.value().equals(USER_AGENT);
            if (added) {
                text.append(" header ").append(header.name()).append(": ").append(quoted(header.value()));
            }
        }
        if (request.body().length > 0) {
            text.append(" form \"").append(new String(request.body(), StandardCharsets.UTF_8)).append('"');
        }
        if (request.serviceAccount() != null) {
            text.append(" from serviceaccount \"").append(request.serviceAccount()).append('"');
        }
        if (request.namespace() != null) {
            text.append(" namespace \"").append(request.namespace()).append('"');
        }
        return text.toString();
    }

    /** In double quotes, with the quote, the backslash and line breaks escaped. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + '"';
    }
}
