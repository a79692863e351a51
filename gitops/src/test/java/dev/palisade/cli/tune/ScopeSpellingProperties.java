package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A suggested scope silences the rule on the request it was suggested for, however the logged
 * target spelled its path ({@code %73}, {@code %2F}, {@code //}, {@code /./}, absolute form), and on
 * every other percent-encoding of the same path: the scope is compared with the WAF's
 * {@code REQUEST_FILENAME}, which is decoded, so the scope must be too.
 */
class ScopeSpellingProperties {
    /** A rule of the policy's own, so no CRS is needed: it fires on {@code q=canary}. */
    private static final String POLICY = """
            policy shop {
                selector 'app == "shop"'
                waf {
                    mode detection
                    rule 1001 "canary" {
                        when ARGS:q @streq "canary"
                        deny 403
                    }
            %s    }
            }
            """;
    private static final String DATA = "Matched Data: canary found within ARGS:q: canary";

    /** One path (as decoded text) and the ways two requests spell it. */
    record Spelled(String path, List<String> logged, List<String> sent) {}

    @Provide
    Arbitrary<Spelled> spellings() {
        Arbitrary<String> segment = Arbitraries.of("search", "books", "a.b", "x-y", "caf\u00e9", "a b", "%", "?", "#",
                "a+b", ".", "", "\"q\"", "back\\slash", "line\nbreak");
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(3).map(segments -> "/" + String.join("/", segments));
        // Requests under it as well, so some suggestions are prefixes.
        Arbitrary<List<String>> paths = Combinators.combine(path, segment.list().ofMaxSize(2))
                .as((base, under) -> {
                    List<String> all = new ArrayList<>(List.of(base));
                    under.forEach(child -> all.add(base + "/" + child));
                    return all;
                });
        return paths.flatMap(all -> Combinators.combine(spelled(all), spelled(all), Arbitraries.of(true, false))
                .as((logged, sent, absolute) -> new Spelled(all.get(0),
                        absolute ? logged.stream().map(target -> "http://shop.example" + target).toList() : logged, sent)));
    }

    /** Each path as a request-target: every byte raw where a target allows it, or percent-encoded in either case. */
    private static Arbitrary<List<String>> spelled(List<String> paths) {
        List<Arbitrary<String>> each = new ArrayList<>();
        for (String path : paths) {
            // The leading slash stays: it is what makes the target a path (and ends an absolute form's authority).
            List<Arbitrary<String>> bytes = new ArrayList<>(List.of(Arbitraries.just("/")));
            for (byte b : path.substring(1).getBytes(StandardCharsets.UTF_8)) {
                int unsigned = b & 0xff;
                String upper = String.format("%%%02X", unsigned);
                Arbitrary<String> encoded = Arbitraries.of(upper, upper.toLowerCase());
                boolean raw = unsigned > 0x20 && unsigned < 0x7f && "%?#\"\\".indexOf(unsigned) < 0;
                bytes.add(raw ? Arbitraries.oneOf(Arbitraries.just(String.valueOf((char) unsigned)), encoded) : encoded);
            }
            each.add(Combinators.combine(bytes).as(parts -> String.join("", parts)));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    @Property(tries = 120)
    void theSuggestedScopeSilencesTheRuleOnEverySpellingOfThePath(@ForAll("spellings") Spelled spelled) throws IOException {
        String exclusion = suggestion(spelled.logged());
        WafEngine tuned = waf("        " + exclusion + "\n");
        for (int i = 0; i < spelled.sent().size(); i++) {
            String target = spelled.sent().get(i) + "?q=canary";
            assertTrue(fires(UNTUNED, target), () -> "the rule does not fire on " + target + " to begin with");
            int index = i;
            assertFalse(fires(tuned, target), () -> exclusion + " (from " + spelled.logged() + ") does not silence "
                    + target + ", a spelling of " + spelled.logged().get(index));
        }
    }

    @Example
    void anEncodedLetterIsDecodedAsTheWafDecodesIt() throws IOException {
        assertEquals("exclude rule 1001 for ARGS:q on path exact \"/search\"", suggestion(List.of("/%73earch")));
        assertEquals("exclude rule 1001 for ARGS:q on path exact \"/a//b\"", suggestion(List.of("/a//b")));
        // The WAF compares bytes; the policy's text is UTF-8 encoded to them, so é spells %C3%A9.
        assertEquals("exclude rule 1001 for ARGS:q on path exact \"/caf\\u00e9\"", suggestion(List.of("/caf%C3%A9")));
        // Bytes that are not UTF-8 have no spelling in a policy: no path scope, rather than a wrong one.
        assertEquals("exclude rule 1001 for ARGS:q", suggestion(List.of("/caf%E9")));
        assertEquals("exclude rule 1001 for ARGS:q on path exact \"/a\\u000ab\"", suggestion(List.of("/a%0Ab")));
    }

    private static final WafEngine UNTUNED = waf("");

    /** What tune suggests for benign log lines to these targets, on which the rule fired. */
    private static String suggestion(List<String> targets) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder log = new StringBuilder();
        for (String target : targets) {
            ObjectNode line = json.createObjectNode().put("type", "alp").put("request_id", "benign")
                    .put("dest_service", "shop").put("dest_namespace", "default").put("path", target + "?q=canary");
            line.putArray("waf").addObject().put("id", 1001).put("msg", "canary").put("data", DATA);
            log.append(json.writeValueAsString(line)).append('\n');
        }
        Findings findings = new Findings();
        new TuneLogReader(new BenignMarks(Set.of("benign"), List.of()), findings::add)
                .read("test.log", new BufferedReader(new StringReader(log.toString())));
        List<Finding> ranked = findings.ranked(finding -> finding);
        assertEquals(1, ranked.size(), ranked::toString);
        return ranked.get(0).exclusion().toPalisade();
    }

    /** The policy's WAF with {@code exclusions} in its block; the policy must pass palisade check. */
    private static WafEngine waf(String exclusions) {
        try {
            Path directory = Files.createTempDirectory("scope-spelling");
            Path file = Files.writeString(directory.resolve("shop.pal"), String.format(POLICY, exclusions));
            try {
                PolicyCompiler.Result checked = PolicyCompiler.check(List.of(file));
                assertFalse(checked.diagnostics().hasErrors(), () -> exclusions + checked.diagnostics().sorted());
                Diagnostics diagnostics = new Diagnostics();
                WafInterpreter waf = new WafInterpreter(PolicyWafs.lower(checked.unit(), diagnostics).get("shop"));
                assertFalse(diagnostics.hasErrors(), () -> exclusions + diagnostics.sorted());
                return waf;
            } finally {
                Files.delete(file);
                Files.delete(directory);
            }
        } catch (IOException unwritable) {
            throw new java.io.UncheckedIOException(unwritable);
        }
    }

    private static boolean fires(WafEngine waf, String target) {
        WafRequest request = new WafRequest("GET", target, "HTTP/1.1", List.of(new WafRequest.Header("Host", "shop")),
                new byte[0], "10.0.0.1", 40000, "10.0.0.2", 8080);
        return waf.inspect(request).matches().stream().mapToLong(RuleMatch::id).anyMatch(id -> id == 1001);
    }
}
