package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.cli.Main;
import dev.palisade.compiler.PolicyCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade tune} on traffic the real CRS (paranoia 2, detection mode) decided: benign
 * searches and a profile name it flags, and two real attacks that are not marked benign.
 */
class TuneCommandTest {
    /** Marked benign by id: b1-b5. Not marked: the attacks a1, a2 and the quiet request q1. */
    static final List<ShopTraffic.Sent> TRAFFIC = List.of(
            new ShopTraffic.Sent("b1", "GET", "/search/books", "q", "if (x) then y"),
            new ShopTraffic.Sent("b2", "GET", "/search/music", "q", "if (a) then b"),
            new ShopTraffic.Sent("b3", "GET", "/search/books", "q", "order by price"),
            new ShopTraffic.Sent("b4", "POST", "/profile", "name", "O'Brien's 'Best' -- sale"),
            new ShopTraffic.Sent("b5", "GET", "/search/books", "q", "select the color from the list"),
            new ShopTraffic.Sent("q1", "GET", "/search/books", "q", "red shoes"),
            new ShopTraffic.Sent("a1", "GET", "/search/books", "q", "1' union select password from users--"),
            new ShopTraffic.Sent("a2", "POST", "/login", "username", "' or 5=5-- "));

    @TempDir
    static Path directory;
    static Path log;
    static Path benign;
    static Path policy;

    @BeforeAll
    static void traffic() throws IOException {
        ShopTraffic.assumeCrs();
        log = ShopTraffic.log(directory, TRAFFIC);
        benign = Files.writeString(directory.resolve("benign.txt"), "# marked by the shop's team\nb1\nb2\nb3\nb4\nb5\n");
        policy = ShopTraffic.policy(Files.createDirectories(directory.resolve("blocking")), "blocking");
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        Result result = run(all.toArray(String[]::new));
        assertEquals(0, result.code(), result::toString);
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void ranksTheRulesFiringOnMarkedRequestsWithTheirNarrowestExclusions() throws IOException {
        JsonNode findings = json("tune", log.toString(), "--benign", benign.toString());
        List<String> ranked = new ArrayList<>();
        findings.forEach(f -> ranked.add(f.path("count").asInt() + " " + f.path("suggestion").asText()));
        // The two "if … then" searches share 942100/942150/942410 on ARGS:q under /search; the rest fire once.
        assertEquals(List.of(
                "2 exclude rule 942100 for ARGS:q on path prefix \"/search\"",
                "2 exclude rule 942150 for ARGS:q on path prefix \"/search\"",
                "2 exclude rule 942410 for ARGS:q on path prefix \"/search\"",
                "1 exclude rule 942260 for ARGS:q on path exact \"/search/books\"",
                "1 exclude rule 942300 for ARGS:name on path exact \"/profile\"",
                "1 exclude rule 942380 for ARGS:q on path exact \"/search/books\"",
                "1 exclude rule 942440 for ARGS:name on path exact \"/profile\""), ranked);
        // Without --policy, the policy is the one the log lines name; the attacks (not marked) contribute nothing.
        findings.forEach(f -> assertEquals("shop", f.path("service").asText()));
        findings.forEach(f -> assertEquals("shop", f.path("policy").asText()));
    }

    @Test
    void aBenignPathMarksEverythingUnderIt() throws IOException {
        JsonNode findings = json("tune", log.toString(), "--benign-path", "/profile");
        List<String> suggestions = new ArrayList<>();
        findings.forEach(f -> suggestions.add(f.path("suggestion").asText()));
        assertEquals(List.of("exclude rule 942300 for ARGS:name on path exact \"/profile\"",
                "exclude rule 942440 for ARGS:name on path exact \"/profile\""), suggestions);
    }

    @Test
    void withThePolicyEverySuggestionIsCheckedAndTheAttackTestsItWeakensAreListed() throws IOException {
        JsonNode findings = json("tune", log.toString(), "--benign", benign.toString(), "--policy", policy.toString(),
                "--tries", "20");
        List<String> suggestions = new ArrayList<>();
        for (JsonNode finding : findings) {
            suggestions.add(finding.path("suggestion").asText());
            assertEquals("shop", finding.path("policy").asText(), finding::toString);
            assertTrue(finding.path("check_accepts").asBoolean(), finding::toString);
            List<String> weakens = new ArrayList<>();
            finding.path("weakens").forEach(test -> weakens.add(test.asText()));
            // Only 942100 on the search box takes away what the UNION attack test expects; the login
            // bypass (ARGS:username on /login) is out of every suggestion's reach.
            assertEquals(finding.path("rule").asLong() == 942100
                    ? List.of("test shop: GET \"/search?q=1'%20union%20select%20password%20from%20users--\" -> deny 403 rule 942100")
                    : List.of(), weakens, finding::toString);
        }
        // The policy's own test case allowed with 942110 firing counts as benign too.
        assertTrue(suggestions.contains("exclude rule 942110 for ARGS:q on path exact \"/search/books\""), suggestions::toString);
        // Nothing was written to the policy.
        assertEquals(String.format(ShopTraffic.POLICY, "blocking"), Files.readString(policy));
    }

    @Test
    void eachSuggestionIsAcceptedByCheckAndTogetherTheyLetTheBenignRequestsPassQuietly() throws IOException {
        JsonNode findings = json("tune", log.toString(), "--benign", benign.toString());
        try (PolicyEdit edit = new PolicyEdit(policy)) {
            PolicyCompiler.Result original = PolicyCompiler.check(List.of(policy));
            for (JsonNode finding : findings) {
                try (PolicyEdit alone = new PolicyEdit(policy)) {
                    assertTrue(alone.addToWaf(original, "shop", finding.path("suggestion").asText()));
                    PolicyCompiler.Result checked = PolicyCompiler.check(List.of(alone.inCopy(policy)));
                    assertFalse(checked.diagnostics().hasErrors(), () -> finding + ": " + checked.diagnostics().sorted());
                }
                assertTrue(edit.addToWaf(original, "shop", finding.path("suggestion").asText()));
            }
            Path tuned = edit.inCopy(policy);
            assertTrue(Files.readString(tuned).contains("        exclude rule 942100 for ARGS:q on path prefix \"/search\"\n    }"),
                    () -> tuned.toString());
            Path before = ShopTraffic.decide(directory.resolve("before"), policy, TRAFFIC);
            Path after = ShopTraffic.decide(directory.resolve("after"), tuned, TRAFFIC);
            assertEquals(List.of("b1 deny", "b2 deny", "b3 deny", "b4 deny", "b5 deny", "q1 allow quietly", "a1 deny",
                    "a2 deny"), Files.readAllLines(before));
            // The benign requests now pass without a rule firing; the attacks are still blocked.
            assertEquals(List.of("b1 allow quietly", "b2 allow quietly", "b3 allow quietly", "b4 allow quietly",
                    "b5 allow quietly", "q1 allow quietly", "a1 deny", "a2 deny"), Files.readAllLines(after));
        }
    }

    @Test
    void textReportNamesPolicyCheckAndWeakenedTests() {
        Result result = run("tune", log.toString(), "--benign", benign.toString(), "--policy", policy.toString(),
                "--tries", "20");
        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().startsWith("palisade tune: 8 decisions read, 6 benign requests with WAF rules firing "
                + "(5 from logs, 1 from tests allowed by the policy); suggestions only, nothing is applied"), result.out());
        assertTrue(result.out().contains("\n1. rule 942100 \"SQL Injection Attack Detected via libinjection\" fired on 2 "
                + "benign requests to service shop (namespace default), through ARGS:q; paths /search/books, /search/music\n"
                + "   suggested, in the waf block of policy shop:\n"
                + "       exclude rule 942100 for ARGS:q on path prefix \"/search\"\n"
                + "   palisade check: accepted\n"
                + "   WEAKENS 1 test (pass now, fail with it):\n"), result.out());
        assertTrue(result.err().contains("decisions.log:1: not a JSON object"), result.err());
    }

    @Test
    void withoutThePolicyTheTextNamesThePolicyTheLogNames() {
        Result result = run("tune", log.toString(), "--benign", benign.toString());
        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().contains("\n   suggested, in the waf block of policy shop (named by the log):\n"),
                result.out());
        assertFalse(result.out().contains("the policy for service"), result.out());
    }

    @Test
    void aLogLineAndATestCaseOnTheSameRuleAreOneFinding() throws IOException {
        // The shop's pods run in namespace shop; the policy's test workload is in default.
        Path shopLog = ShopTraffic.log(directory, "shop-namespace.log", "shop",
                List.of(new ShopTraffic.Sent("s1", "GET", "/search/books", "q", "'quoted'")));
        JsonNode findings = json("tune", shopLog.toString(), "--benign-path", "/search", "--policy", policy.toString(),
                "--tries", "20");
        List<JsonNode> quotes = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("rule").asLong() == 942110) {
                quotes.add(f);
            }
        });
        assertEquals(1, quotes.size(), findings::toString);
        JsonNode finding = quotes.get(0);
        assertEquals("exclude rule 942110 for ARGS:q on path exact \"/search/books\"", finding.path("suggestion").asText());
        assertEquals(2, finding.path("count").asInt(), "the log line and the test case, added up");
        assertEquals("shop", finding.path("namespace").asText(), "the log line's namespace, the real one");
        assertEquals("shop", finding.path("policy").asText());
        List<String> examples = new ArrayList<>();
        finding.path("examples").forEach(example -> examples.add(example.asText()));
        assertEquals(2, examples.size(), examples::toString);
        assertTrue(examples.get(0).endsWith("shop-namespace.log:2") && examples.get(1).startsWith("test shop: "),
                examples::toString);
    }

    @Test
    void aLogTheProxyWroteGivesTheSuggestionsItsWafNeeds() throws Exception {
        // The searches b1, b2, b3 and b5 through the real proxy, two paths spelled as a scanner or an old client might.
        Path proxied = ProxiedShopLog.log(directory, List.of("/search/%62ooks?q=if+(x)+then+y",
                "/%73earch/music?q=if+(a)+then+b", "/search/books?q=order+by+price",
                "/search/books?q=select+the+color+from+the+list"));
        JsonNode findings = json("tune", proxied.toString(), "--benign-path", "/search", "--policy", policy.toString(),
                "--tries", "20");
        List<String> ranked = new ArrayList<>();
        for (JsonNode finding : findings) {
            // The policy's own test case (942110) is a finding of its own; the log's findings are these.
            if (finding.path("variable").asText().equals("ARGS:q")
                    && finding.path("examples").get(0).asText().startsWith(proxied.toString())) {
                ranked.add(finding.path("count").asInt() + " " + finding.path("suggestion").asText());
                assertEquals("shop", finding.path("namespace").asText(), finding::toString);
                assertEquals("shop", finding.path("policy").asText(), finding::toString);
                assertTrue(finding.path("check_accepts").asBoolean(), finding::toString);
            }
        }
        // As from the hand-written lines: the scope is the path the WAF decoded, so /%73earch is under /search.
        assertEquals(List.of(
                "2 exclude rule 942100 for ARGS:q on path prefix \"/search\"",
                "2 exclude rule 942150 for ARGS:q on path prefix \"/search\"",
                "2 exclude rule 942410 for ARGS:q on path prefix \"/search\"",
                "1 exclude rule 942260 for ARGS:q on path exact \"/search/books\"",
                "1 exclude rule 942380 for ARGS:q on path exact \"/search/books\""), ranked);
    }

    @Test
    void thePolicyAloneTunesFromItsAllowedTestCases() throws IOException {
        JsonNode findings = json("tune", "--policy", policy.toString(), "--tries", "20");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("exclude rule 942110 for ARGS:q on path exact \"/search/books\"", findings.get(0).path("suggestion").asText());
        assertEquals("shop", findings.get(0).path("policy").asText());
        assertTrue(findings.get(0).path("examples").get(0).asText().startsWith("test shop: GET \"/search/books?q='quoted'\""),
                findings::toString);
    }

    @Test
    void aDashReadsTheLogFromStandardInput() throws IOException {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(Files.newInputStream(log));
            JsonNode findings = json("tune", "-", "--benign-path", "/profile");
            assertEquals(2, findings.size(), findings::toString);
            assertTrue(findings.get(0).path("examples").get(0).asText().startsWith("-:"), findings::toString);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void logsWithoutABenignMarkAreAUsageError() {
        Result result = run("tune", log.toString());
        assertEquals(2, result.code(), result::toString);
        assertTrue(result.err().contains("--benign FILE"), result.err());
    }
}
