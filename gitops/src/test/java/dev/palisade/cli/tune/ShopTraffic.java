package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.cli.testing.TestRequest;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafResult;
import dev.palisade.cli.testing.RequestDecider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small shop (search, login, profile) under the CRS at paranoia 2, as a policy file, and its
 * traffic decided by the real WAF in detection mode and written as decision log lines. Needs
 * Debian's {@code modsecurity-crs}.
 */
final class ShopTraffic {
    static final Path CRS = Path.of("/usr/share/modsecurity-crs");

    /** The attack tests: the login bypass and a UNION on the search box, both caught by libinjection (942100). */
    static final String POLICY = """
            policy shop {
                selector 'app == "shop"'
                alp {
                    allow GET path exact "/", prefix "/search"
                    allow POST path exact "/login", exact "/profile"
                }
                waf {
                    mode %s
                    crs paranoia 2 inbound-threshold 5
                }
            }

            test shop {
                GET "/" -> allow
                POST "/profile" form name="Ann" -> allow
                GET "/search/books?q='quoted'" header "User-Agent" = "Firefox/128.0" header "Accept" = "text/html" -> allow
                // CRS notices the quotes (942110) but stays below the threshold
                POST "/login" form username="' or 5=5-- " password="x" -> deny 403 rule 942100
                GET "/search?q=1'%%20union%%20select%%20password%%20from%%20users--" -> deny 403 rule 942100
            }
            """;

    private ShopTraffic() {}

    static void assumeCrs() {
        assumeTrue(Files.isDirectory(CRS.resolve("rules")), "needs Debian's modsecurity-crs in " + CRS + "/rules");
    }

    /** Writes the policy (blocking or detection) as shop.pal in {@code directory}. */
    static Path policy(Path directory, String mode) throws IOException {
        Path file = directory.resolve("shop.pal");
        Files.writeString(file, String.format(POLICY, mode));
        return file;
    }

    /** A request to the shop with one argument: in the query for GET, as a form body for POST. */
    record Sent(String id, String method, String path, String field, String value) {}

    /** A request as decided. */
    record Decided(Sent sent, TestRequest request, RequestDecider.Outcome outcome) {}

    /** Decides each request with the policy in {@code file}, as the runtime would for the shop's pods. */
    static List<Decided> decide(Path file, List<Sent> requests) {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        CompiledPolicy compiled = PolicyCompiler.load(result.ir().orElseThrow(), Optional.empty()).policy();
        Map<String, WafEngine> wafs = new LinkedHashMap<>();
        PolicyWafs.lower(result.unit(), new Diagnostics()).forEach((name, waf) -> wafs.put(name, new WafInterpreter(waf)));
        Workload workload = new Workload(Map.of("app", "shop"), "default");
        RequestDecider.Target target = new RequestDecider(compiled, wafs).target(workload);
        List<Decided> decided = new ArrayList<>();
        for (Sent sent : requests) {
            TestRequest generated = TestRequest.generated(sent.method(), sent.path(), null, null,
                    Optional.of(new TestRequest.Argument(sent.field(), sent.value())), workload);
            // Browsers send these; without them CRS's protocol rules (920320, 920300) fire on every request.
            List<TestRequest.Header> headers = new ArrayList<>(generated.headers());
            headers.add(new TestRequest.Header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"));
            headers.add(new TestRequest.Header("Accept", "text/html"));
            TestRequest request = new TestRequest(generated.method(), generated.target(), headers, generated.body(),
                    null, null);
            decided.add(new Decided(sent, request, target.decide(request)));
        }
        return decided;
    }

    /** Writes {@code id allow quietly|allow|deny} a line for each request as {@code file}'s policy decides it. */
    static Path decide(Path out, Path file, List<Sent> requests) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Decided one : decide(file, requests)) {
            boolean quiet = one.outcome().waf().map(waf -> waf.matches().isEmpty()).orElse(true);
            lines.add(one.sent().id() + " " + (!one.outcome().allowed() ? "deny" : quiet ? "allow quietly" : "allow"));
        }
        return Files.write(out, lines);
    }

    /** Decides each request with the detection-mode shop and writes one decision line per request. */
    static Path log(Path directory, List<Sent> requests) throws IOException {
        return log(directory, "decisions.log", "default", requests);
    }

    /** The same, as the shop's pods in {@code namespace} would log it, in {@code directory/name}. */
    static Path log(Path directory, String name, String namespace, List<Sent> requests) throws IOException {
        Path file = policy(Files.createDirectories(directory.resolve("detection")), "detection");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder("starting palisade serve (not a decision line)\n");
        int second = 0;
        for (Decided one : decide(file, requests)) {
            RequestDecider.Outcome outcome = one.outcome();
            ObjectNode line = json.createObjectNode();
            line.put("timestamp", String.format("2026-11-24T17:00:%02dZ", second++ % 60));
            line.put("type", "alp");
            line.put("request_id", one.sent().id());
            line.put("dest_service", "shop");
            line.put("dest_namespace", namespace);
            line.put("method", one.sent().method());
            line.put("path", one.request().target());
            line.put("status", outcome.allowed() ? 200 : outcome.status());
            line.put("action", outcome.allowed() ? "allow" : "deny");
            // The policy that decided it, as the proxy logs it: the shop's ALP allows or denies everything here.
            line.put("policy", "shop");
            ArrayNode waf = line.putArray("waf");
            for (RuleMatch match : outcome.waf().map(WafResult::matches).orElse(List.of())) {
                ObjectNode entry = waf.addObject();
                entry.put("id", match.id());
                entry.put("phase", match.phase());
                entry.put("msg", match.message());
                entry.put("data", match.data());
                entry.put("severity", match.severity());
                match.tags().forEach(entry.putArray("tags")::add);
                entry.put("disruptive", match.disruptive());
            }
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Path log = directory.resolve(name);
        Files.writeString(log, lines);
        return log;
    }
}
