package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input yields the right diagnostic at the right place. In a case's text, {@code «}
 * marks where the diagnostic must point; it is removed before compiling.
 */
class BadInputTest {
    private static final String MARK = "«";

    @TempDir
    Path directory;

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("unknown method", DiagnosticCode.UNKNOWN_METHOD,
                        "policy www {\n    selector 'all()'\n    alp { allow «GTE }\n}\n"),
                bad("lowercase method", DiagnosticCode.UNKNOWN_METHOD,
                        "policy www {\n    selector 'all()'\n    alp { allow «get }\n}\n"),
                bad("duplicate policy names", DiagnosticCode.DUPLICATE_POLICY,
                        "policy www { selector 'all()' }\npolicy «www { selector 'all()' }\n"),
                bad("allow and deny that contradict", DiagnosticCode.CONTRADICTING_RULES,
                        "policy www {\n  selector 'all()'\n  alp {\n    deny path prefix \"/admin\"\n    «allow GET path exact \"/admin/users\"\n  }\n}\n"),
                bad("invalid selector", DiagnosticCode.SELECTOR_SYNTAX,
                        "policy www {\n    selector 'app == \"www\" &&«'\n}\n"),
                bad("invalid label key", DiagnosticCode.INVALID_LABEL_KEY,
                        "policy www {\n    selector '«-app == \"www\"'\n}\n"),
                bad("selector nested too deep", DiagnosticCode.NESTING_TOO_DEEP,
                        "policy www {\n    selector '" + "(".repeat(64) + "«(" + "(".repeat(1000) + "all()" + ")".repeat(1065) + "'\n}\n"),
                bad("unterminated string", DiagnosticCode.UNTERMINATED_STRING,
                        "policy www {\n    selector «\"app == 'www'\n}\n"),
                bad("unterminated comment", DiagnosticCode.UNTERMINATED_COMMENT,
                        "policy www { selector 'all()' }\n«/* the rest\nof the file\n"),
                bad("invalid character", DiagnosticCode.INVALID_CHARACTER,
                        "policy www { selector 'all()' «$ }\n"),
                bad("invalid escape", DiagnosticCode.INVALID_ESCAPE,
                        "policy www { selector \"all()«\\q\" }\n"),
                bad("path without leading slash", DiagnosticCode.PATH_NOT_ABSOLUTE,
                        "policy www {\n  selector 'all()'\n  alp { allow GET path exact «\"robots.txt\" }\n}\n"),
                bad("question mark in path", DiagnosticCode.PATH_HAS_QUERY_OR_FRAGMENT,
                        "policy www {\n  selector 'all()'\n  alp { allow GET path prefix \"/search«?q=1\" }\n}\n"),
                bad("hash in path", DiagnosticCode.PATH_HAS_QUERY_OR_FRAGMENT,
                        "policy www {\n  selector 'all()'\n  alp { allow GET path exact \"/page«#top\" }\n}\n"),
                bad("double-encoded path that can never match", DiagnosticCode.PATH_NOT_NORMALIZABLE,
                        "policy www {\n  selector 'all()'\n  alp { deny path prefix «\"/%252e%252e\" }\n}\n"),
                bad("unknown block", DiagnosticCode.UNKNOWN_BLOCK,
                        "policy www {\n    selector 'all()'\n    «alps { allow GET }\n}\n"),
                bad("misspelled keyword", DiagnosticCode.SYNTAX,
                        "policy www {\n    selector 'all()'\n    alp { «alow GET }\n}\n"),
                bad("missing closing brace", DiagnosticCode.SYNTAX,
                        "policy www {\n    selector 'all()'\n    alp { allow GET }\n«"),
                bad("unknown tier", DiagnosticCode.UNKNOWN_TIER,
                        "tier platform order 100\npolicy www {\n    selector 'all()'\n    tier «platfrom\n}\n"),
                bad("duplicate tier", DiagnosticCode.DUPLICATE_TIER,
                        "tier platform order 100\ntier «platform order 200\n"),
                bad("selector given twice", DiagnosticCode.DUPLICATE_SETTING,
                        "policy www {\n    selector 'all()'\n    «selector 'app == \"www\"'\n}\n"),
                bad("policy without selector", DiagnosticCode.MISSING_SELECTOR,
                        "policy «www {\n    alp { allow GET }\n}\n"),
                bad("invalid namespace", DiagnosticCode.INVALID_NAME,
                        "policy www {\n    namespace «\"Book_Info\"\n    selector 'all()'\n}\n"),
                bad("invalid policy name", DiagnosticCode.INVALID_NAME,
                        "policy «Www_Site { selector 'all()' }\n"),
                bad("unknown rule id in a WAF exclusion", DiagnosticCode.UNKNOWN_RULE_ID,
                        "policy www {\n  selector 'all()'\n  waf {\n    rule 1001 \"x\" { when ARGS @rx \"a\" }\n    exclude rule «1002\n  }\n}\n"),
                bad("duplicate WAF rule id", DiagnosticCode.DUPLICATE_RULE_ID,
                        "policy www {\n  selector 'all()'\n  waf {\n    rule 1001 \"x\" { when ARGS @rx \"a\" }\n    rule «1001 \"y\" { when ARGS @rx \"b\" }\n  }\n}\n"),
                bad("custom rule id in the CRS range", DiagnosticCode.RESERVED_RULE_ID,
                        "policy www {\n  selector 'all()'\n  waf { rule «942100 \"x\" { when ARGS @rx \"a\" } }\n}\n"),
                bad("unknown WAF operator", DiagnosticCode.UNKNOWN_OPERATOR,
                        "policy www {\n  selector 'all()'\n  waf { rule 1 \"x\" { when REQUEST_URI «@beginsWit \"/a\" } }\n}\n"),
                bad("unknown WAF variable", DiagnosticCode.UNKNOWN_VARIABLE,
                        "policy www {\n  selector 'all()'\n  waf { rule 1 \"x\" { when «ARGZ @rx \"a\" } }\n}\n"),
                bad("unknown transformation", DiagnosticCode.UNKNOWN_TRANSFORMATION,
                        "policy www {\n  selector 'all()'\n  waf { rule 1 \"x\" { when ARGS | «lowercas @rx \"a\" } }\n}\n"),
                bad("invalid regular expression", DiagnosticCode.INVALID_REGEX,
                        "policy www {\n  selector 'all()'\n  waf { rule 1 \"x\" { when ARGS @rx \"a(b«\" } }\n}\n"),
                bad("paranoia level out of range", DiagnosticCode.OUT_OF_RANGE,
                        "policy www {\n  selector 'all()'\n  waf { crs paranoia «7 }\n}\n"),
                bad("Core Rule Set not installed where the crs line says", DiagnosticCode.MISSING_FILE,
                        "policy www {\n  selector 'all()'\n  waf { «crs paranoia 1 rules \"/nowhere/rules\" }\n}\n"),
                bad("missing SecLang include", DiagnosticCode.MISSING_FILE,
                        "policy www {\n  selector 'all()'\n  waf { seclang include «\"rules/nowhere.conf\" }\n}\n"),
                bad("requests per interval too large to count", DiagnosticCode.OUT_OF_RANGE,
                        "policy www {\n  selector 'all()'\n  log { requests-per-interval «99999999999999999999 }\n}\n"),
                bad("log interval not in whole seconds", DiagnosticCode.INVALID_DURATION,
                        "policy www {\n  selector 'all()'\n  log { interval «500ms }\n}\n"),
                bad("test of an unknown policy", DiagnosticCode.UNKNOWN_POLICY,
                        "policy www { selector 'all()' }\ntest «wwx { GET \"/\" -> allow }\n"),
                bad("test expecting a success status for a deny", DiagnosticCode.INVALID_STATUS,
                        "policy www { selector 'all()' }\ntest www { GET \"/\" -> deny «200 }\n"),
                bad("expected decider names an unknown policy", DiagnosticCode.UNKNOWN_POLICY,
                        WWW_ALP + "test www { GET \"/\" -> allow by policy «wwx rule 1 }\n"),
                bad("expected decider names a rule the policy does not have", DiagnosticCode.IMPOSSIBLE_DECIDER,
                        WWW_ALP + "test www { GET \"/\" -> allow by policy www rule «3 }\n"),
                bad("expected decider is a deny rule for an allow", DiagnosticCode.IMPOSSIBLE_DECIDER,
                        WWW_ALP + "test www { GET \"/\" -> allow by policy www rule «2 }\n"),
                bad("expected default of an unknown tier", DiagnosticCode.UNKNOWN_TIER,
                        WWW_ALP + "test www { property \"p\" { for all paths -> deny by default of tier «edge } }\n"),
                bad("expected default of a tier that passes", DiagnosticCode.IMPOSSIBLE_DECIDER,
                        "tier edge order 1 default pass\n" + WWW_ALP + "test www { GET \"/\" -> deny «by default of tier edge }\n"),
                bad("expected ALP decider and WAF rules at once", DiagnosticCode.IMPOSSIBLE_DECIDER,
                        WWW_ALP + "test www { GET \"/\" -> deny rule 942100 «at the end of all tiers }\n"),
                bad("request with two bodies", DiagnosticCode.ONE_BODY,
                        WWW_ALP + "test www { «POST \"/\" multipart a=\"1\" body \"x\" -> deny }\n"),
                bad("empty file", DiagnosticCode.EMPTY_FILE, "«// nothing here yet\n"),
                bad("CRLF line endings keep lines and columns", DiagnosticCode.UNKNOWN_METHOD,
                        "policy www {\r\n    selector 'all()'\r\n    alp { allow «GTE }\r\n}\r\n"),
                bad("a byte-order mark does not shift columns", DiagnosticCode.UNKNOWN_METHOD,
                        "\uFEFFpolicy www { selector 'all()' alp { allow «PUTT } }\n"));
    }

    /** A policy with two ALP rules, rule 1 allowing and rule 2 denying. */
    private static final String WWW_ALP = "policy www {\n  selector 'all()'\n  alp {\n    allow GET\n    deny POST\n  }\n}\n";

    private static Arguments bad(String name, DiagnosticCode code, String marked) {
        return Arguments.of(name, code, marked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsCodeAndPosition(String name, DiagnosticCode code, String marked) throws IOException {
        int mark = marked.indexOf(MARK);
        String before = marked.substring(0, mark).replace("\uFEFF", "");
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        Path file = directory.resolve("case.pal");
        Files.writeString(file, marked.replace(MARK, ""), StandardCharsets.UTF_8);

        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));

        List<Diagnostic> errors = result.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty(), name + ": no error reported");
        Diagnostic first = errors.get(0);
        assertEquals(code, first.code(), name + ": " + first.headline());
        assertEquals(line + ":" + column, first.span().line() + ":" + first.span().column(), name + ": " + first.headline());
        assertFalse(first.message().endsWith("."), "messages have no final period");
        assertTrue(Character.isLowerCase(first.message().charAt(0)) || !Character.isLetter(first.message().charAt(0)),
                "messages start lowercase: " + first.message());
    }
}
