package dev.palisade.cli.testing;

import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.engine.request.Workload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request a test sends: what a client would put on the wire, plus who the caller is (the mTLS
 * identity the ALP's {@code from} conditions read).
 *
 * @param target the request target as sent: path and query, not yet normalized
 * @param headers in order; {@code Host} is always there
 * @param serviceAccount the caller's service account, or null for an anonymous caller
 * @param namespace the caller's namespace, or null
 */
public record TestRequest(String method, String target, List<Header> headers, byte[] body, String serviceAccount,
        String namespace) {

    public record Header(String name, String value) {}

    /** One argument a property draws from a corpus: {@code form q from "…"}. */
    public record Argument(String name, String value) {}

    public TestRequest {
        headers = List.copyOf(headers);
    }

    /** An anonymous request without body. */
    public static TestRequest of(String method, String target, Workload workload) {
        return new TestRequest(method, target, List.of(new Header("Host", host(workload))), new byte[0], null, null);
    }

    /**
     * A request a property generated: from the given caller (a service account without a namespace
     * is in the workload's), with one argument when the statement draws one from a corpus: in the
     * query for methods that carry no body, else as a URL-encoded form body.
     */
    public static TestRequest generated(String method, String target, String serviceAccount, String namespace,
            Optional<Argument> argument, Workload workload) {
        List<Header> headers = new ArrayList<>(List.of(new Header("Host", host(workload))));
        byte[] body = new byte[0];
        if (argument.isPresent()) {
            String pair = URLEncoder.encode(argument.get().name(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(argument.get().value(), StandardCharsets.UTF_8);
            if (List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(method)) {
                target = target + (target.contains("?") ? "&" : "?") + pair;
            } else {
                body = pair.getBytes(StandardCharsets.UTF_8);
                headers.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
            }
        }
        if (body.length > 0 || List.of("POST", "PUT", "PATCH").contains(method)) {
            headers.add(new Header("Content-Length", Integer.toString(body.length)));
        }
        String callerNamespace = namespace != null ? namespace : serviceAccount == null ? null : workload.namespace();
        return new TestRequest(method, target, headers, body, serviceAccount, callerNamespace);
    }

    /**
     * A test case's request. {@code form} fields become a URL-encoded body, {@code multipart} parts a
     * {@code multipart/form-data} one, {@code json} a JSON one, each with its {@code Content-Type}
     * unless the case sets one; {@code cookie} pairs join into one {@code Cookie} header (added to one
     * the case writes); {@code Host} names the workload unless the case sets it, and
     * {@code Content-Length} as a client sends it. A caller named only by service account lives in
     * the workload's namespace.
     */
    public static TestRequest of(TestDecl.TestCase testCase, Workload workload) {
        List<Header> headers = new ArrayList<>();
        testCase.headers().forEach(header -> headers.add(new Header(header.name().value(), header.value().value())));
        byte[] body = new byte[0];
        Optional<String> contentType = Optional.empty();
        if (!testCase.form().isEmpty()) {
            StringBuilder form = new StringBuilder();
            for (TestDecl.Field field : testCase.form()) {
                form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(field.name().text(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(field.value().value(), StandardCharsets.UTF_8));
            }
            body = form.toString().getBytes(StandardCharsets.UTF_8);
            contentType = Optional.of("application/x-www-form-urlencoded");
        } else if (!testCase.multipart().isEmpty()) {
            MultipartBody multipart = MultipartBody.of(testCase.multipart());
            body = multipart.bytes();
            contentType = Optional.of(multipart.contentType());
        } else if (testCase.body().isPresent()) {
            body = testCase.body().get().value().getBytes(StandardCharsets.UTF_8);
            contentType = testCase.jsonBody() ? Optional.of("application/json") : Optional.empty();
        }
        if (!testCase.cookies().isEmpty()) {
            addCookies(headers, testCase.cookies());
        }
        if (!has(headers, "Host")) {
            headers.add(0, new Header("Host", host(workload)));
        }
        if (contentType.isPresent() && !has(headers, "Content-Type")) {
            headers.add(new Header("Content-Type", contentType.get()));
        }
        // Clients send a length with every body, and with an empty one for the methods that carry bodies.
        boolean bodyMethod = List.of("POST", "PUT", "PATCH").contains(testCase.method().name());
        if ((body.length > 0 || bodyMethod) && !has(headers, "Content-Length")) {
            headers.add(new Header("Content-Length", Integer.toString(body.length)));
        }
        String serviceAccount = testCase.sourceServiceAccount().map(literal -> literal.value()).orElse(null);
        String namespace = testCase.sourceNamespace().map(literal -> literal.value())
                .orElse(serviceAccount == null ? null : workload.namespace());
        return new TestRequest(testCase.method().name(), testCase.target().value(), headers, body, serviceAccount, namespace);
    }

    /** How a failure report shows the request: {@code GET "/a?b=c"} and the caller, if any. */
    public String describe() {
        StringBuilder text = new StringBuilder(method).append(" \"").append(target).append('"');
        if (serviceAccount != null) {
            text.append(" from serviceaccount \"").append(serviceAccount).append('"');
        }
        if (body.length > 0) {
            text.append(" body \"").append(new String(body, StandardCharsets.UTF_8)).append('"');
        }
        return text.toString();
    }

    /** The workload's in-cluster name, as a client inside the cluster would send it. */
    private static String host(Workload workload) {
        String app = workload.labels().getOrDefault("app", "workload");
        return app + "." + (workload.namespace() == null ? "default" : workload.namespace()) + ".svc";
    }

    /** As a browser sends cookies: {@code name=value} pairs in one header, separated by {@code "; "}. */
    private static void addCookies(List<Header> headers, List<TestDecl.Field> cookies) {
        StringBuilder pairs = new StringBuilder();
        for (TestDecl.Field cookie : cookies) {
            pairs.append(pairs.length() == 0 ? "" : "; ").append(cookie.name().text()).append('=').append(cookie.value().value());
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase("Cookie")) {
                headers.set(i, new Header(headers.get(i).name(), headers.get(i).value() + "; " + pairs));
                return;
            }
        }
        headers.add(new Header("Cookie", pairs.toString()));
    }

    private static boolean has(List<Header> headers, String name) {
        return headers.stream().anyMatch(header -> header.name().equalsIgnoreCase(name));
    }
}
