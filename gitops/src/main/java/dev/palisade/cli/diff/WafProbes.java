package dev.palisade.cli.diff;

import dev.palisade.cli.testing.TestRequest;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Requests that exercise a workload's WAF: each value of a small bundled set ({@code waf-probes.txt}:
 * the classic shapes of SQL injection, XSS, path traversal, command injection, PHP and Java
 * injection and protocol tricks, and ordinary values) in a query argument, a form field, the
 * {@code User-Agent} header and a cookie. Each goes to a request ALP lets through, because a WAF
 * change only matters there; which one is drawn with the diff's seed. Values with line breaks stay
 * out of the header, which cannot carry them.
 */
final class WafProbes {
    /** The argument and form field the values go in; {@code exclude rule … for ARGS:q} names it. */
    static final String ARGUMENT = "q";
    static final String COOKIE = "session";
    private static final List<String> VALUES = load();

    private WafProbes() {}

    /** @param allowed distinct requests ALP allows to the workload in either version; no probes when empty */
    static List<TestRequest> of(List<AlpRequest> allowed, Workload workload, long seed) {
        List<AlpRequest> withBody = allowed.stream().filter(target -> List.of("POST", "PUT", "PATCH").contains(target.method()))
                .toList();
        List<TestRequest> probes = new ArrayList<>();
        if (allowed.isEmpty()) {
            return probes;
        }
        Random random = new Random(seed);
        for (String value : VALUES) {
            String pair = ARGUMENT + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
            probes.add(ClientRequests.of(pick(allowed, random), workload, new ClientRequests.Extras(Optional.of(pair),
                    Optional.empty(), Optional.empty(), Optional.empty())));
            if (!withBody.isEmpty()) {
                probes.add(ClientRequests.of(pick(withBody, random), workload, new ClientRequests.Extras(Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of(pair))));
            }
            if (value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                probes.add(ClientRequests.of(pick(allowed, random), workload, new ClientRequests.Extras(Optional.empty(),
                        Optional.of(value), Optional.empty(), Optional.empty())));
            }
            String cookie = COOKIE + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
            probes.add(ClientRequests.of(pick(allowed, random), workload, new ClientRequests.Extras(Optional.empty(),
                    Optional.empty(), Optional.of(cookie), Optional.empty())));
        }
        return probes;
    }

    private static AlpRequest pick(List<AlpRequest> targets, Random random) {
        return targets.get(random.nextInt(targets.size()));
    }

    private static List<String> load() {
        List<String> values = new ArrayList<>();
        try (InputStream in = WafProbes.class.getResourceAsStream("waf-probes.txt")) {
            if (in == null) {
                throw new IllegalStateException("waf-probes.txt is missing from the palisade jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    values.add(unescape(line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(values);
    }

    private static String unescape(String text) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                value.append(next == 't' ? '\t' : next == 'r' ? '\r' : next == 'n' ? '\n' : next);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
