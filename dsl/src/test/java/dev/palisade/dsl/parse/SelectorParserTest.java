package dev.palisade.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.ast.selector.Selector.All;
import dev.palisade.dsl.ast.selector.Selector.And;
import dev.palisade.dsl.ast.selector.Selector.Equals;
import dev.palisade.dsl.ast.selector.Selector.Has;
import dev.palisade.dsl.ast.selector.Selector.In;
import dev.palisade.dsl.ast.selector.Selector.Not;
import dev.palisade.dsl.ast.selector.Selector.NotIn;
import dev.palisade.dsl.ast.selector.Selector.Or;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorParserTest {
    /** Index i of the selector is column 10 + i, so a diagnostic's column gives its index. */
    static final int FIRST_COLUMN = 10;

    record Parsed(Optional<Selector> selector, List<Diagnostic> diagnostics) {
    }

    static Parsed parse(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Selector> selector =
                SelectorParser.parse(text, i -> Span.point("t.pal", 1, FIRST_COLUMN + i), diagnostics);
        return new Parsed(selector, diagnostics.sorted());
    }

    static Selector valid(String text) {
        Parsed parsed = parse(text);
        assertEquals(List.of(), parsed.diagnostics(), text);
        return parsed.selector().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
        "all() ~ all()",
        "all( ) ~ all()",
        "has(app) ~ has(app)",
        "has( app ) ~ has(app)",
        "!has(app) ~ !has(app)",
        "app == \"www\" ~ app == \"www\"",
        "app=='www' ~ app == \"www\"",
        "app != \"www\" ~ app != \"www\"",
        "app == \"\" ~ app == \"\"",
        "tier in {\"web\", \"edge\"} ~ tier in {\"edge\", \"web\"}",
        "tier in {'b','a','b'} ~ tier in {\"a\", \"b\"}",
        "tier in {} ~ tier in {}",
        "tier not in {\"web\"} ~ tier not in {\"web\"}",
        "name contains \"pay\" ~ name contains \"pay\"",
        "name starts with \"pay\" ~ name starts with \"pay\"",
        "name starts   with\"pay\" ~ name starts with \"pay\"",
        "name ends with \"-v2\" ~ name ends with \"-v2\"",
        "a == '\"q\"' ~ a == '\"q\"'",
        "app.kubernetes.io/name == \"x\" ~ app.kubernetes.io/name == \"x\"",
        "in == \"x\" ~ in == \"x\"",
        "has == \"x\" && all == \"y\" ~ has == \"x\" && all == \"y\"",
        "not in {\"x\"} ~ not in {\"x\"}",
        "starts starts with \"s\" ~ starts starts with \"s\"",
        "a == \"1\" || b == \"2\" && c == \"3\" ~ a == \"1\" || b == \"2\" && c == \"3\"",
        "(a == \"1\" || b == \"2\") && c == \"3\" ~ (a == \"1\" || b == \"2\") && c == \"3\"",
        "a == \"1\" && (b == \"2\" && c == \"3\") ~ a == \"1\" && (b == \"2\" && c == \"3\")",
        "(a == \"1\" && b == \"2\") && c == \"3\" ~ a == \"1\" && b == \"2\" && c == \"3\"",
        "((a == \"1\")) ~ a == \"1\"",
        "!(a == \"1\" && b == \"2\") ~ !(a == \"1\" && b == \"2\")",
        "!!has(a) ~ !!has(a)",
        "! a == \"1\" ~ !a == \"1\"",
        "a==\"1\"&&!b!=\"2\"||all() ~ a == \"1\" && !b != \"2\" || all()",
    })
    void parsesToCanonicalText(String text, String canonical) {
        Selector selector = valid(text);
        assertEquals(canonical, selector.text());
        assertEquals(selector, valid(canonical), "canonical text parses back to the same selector");
    }

    @Test
    void buildsTheTreeWithPrecedenceAndLeftGrouping() {
        assertEquals(new Or(new Equals("a", "1"), new And(new Equals("b", "2"), new Has("c"))),
                valid("a == \"1\" || b == \"2\" && has(c)"));
        assertEquals(new And(new And(new Has("a"), new Has("b")), new Has("c")), valid("has(a) && has(b) && has(c)"));
        assertEquals(new Not(new Not(new All())), valid("!!all()"));
        assertEquals(new In("tier", List.of("web", "edge")), valid("tier in {\"edge\", \"web\", \"edge\"}"));
        assertEquals(new In("not", List.of("x")), valid("not in {\"x\"}"));
        assertEquals(new NotIn("app", List.of()), valid("app not in {}"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
        // text | code | index of the reported character
        "`` ~ SELECTOR_SYNTAX ~ 0",
        "`   ` ~ SELECTOR_SYNTAX ~ 0",
        "app == \"www ~ SELECTOR_SYNTAX ~ 7",
        "app == 'www\" && b == \"c\" ~ SELECTOR_SYNTAX ~ 7",
        "app = \"www\" ~ SELECTOR_SYNTAX ~ 4",
        "app == www ~ SELECTOR_SYNTAX ~ 7",
        "(app == \"a\" ~ SELECTOR_SYNTAX ~ 0",
        "(app == \"a\" || ((b == \"c\") ~ SELECTOR_SYNTAX ~ 15",
        "app == \"a\") ~ SELECTOR_SYNTAX ~ 10",
        "&& app == \"a\" ~ SELECTOR_SYNTAX ~ 0",
        "app == \"a\" && ~ SELECTOR_SYNTAX ~ 13",
        "app == \"a\" & b == \"c\" ~ SELECTOR_SYNTAX ~ 11",
        "app in (\"a\") ~ SELECTOR_SYNTAX ~ 7",
        "app in {\"a\" \"b\"} ~ SELECTOR_SYNTAX ~ 12",
        "app in {\"a\",} ~ SELECTOR_SYNTAX ~ 12",
        "app in {\"a\" ~ SELECTOR_SYNTAX ~ 11",
        "app not {\"a\"} ~ SELECTOR_SYNTAX ~ 8",
        "app starts \"a\" ~ SELECTOR_SYNTAX ~ 11",
        "app ends with ~ SELECTOR_SYNTAX ~ 13",
        "has(app ~ SELECTOR_SYNTAX ~ 7",
        "has() ~ SELECTOR_SYNTAX ~ 4",
        "has (app) ~ SELECTOR_SYNTAX ~ 4",
        "all(x) ~ SELECTOR_SYNTAX ~ 4",
        "a == \"x\" b == \"y\" ~ SELECTOR_SYNTAX ~ 9",
        "a == \"x\" || () ~ SELECTOR_SYNTAX ~ 13",
        "! ~ SELECTOR_SYNTAX ~ 1",
        "a == \"😀\" && # ~ SELECTOR_SYNTAX ~ 13",
        "a@b == \"x\" ~ SELECTOR_SYNTAX ~ 1",
        "App.Example.com/name == \"x\" ~ INVALID_LABEL_KEY ~ 0",
        "app == \"x\" && -bad == \"y\" ~ INVALID_LABEL_KEY ~ 14",
        "a/b/c == \"x\" ~ INVALID_LABEL_KEY ~ 0",
        "has(/name) ~ INVALID_LABEL_KEY ~ 4",
        "example.com/ in {} ~ INVALID_LABEL_KEY ~ 0",
        "a in {} || b.. != \"\" ~ INVALID_LABEL_KEY ~ 11",
    })
    void reportsTheFirstErrorAtItsCharacter(String text, DiagnosticCode code, int index) {
        assertError(text, code, index);
    }

    @Test
    void reportsNestingBeforeTheParserCanRecurse() {
        assertError("(".repeat(65) + "has(a)" + ")".repeat(65), DiagnosticCode.NESTING_TOO_DEEP, 64);
        assertError("!".repeat(65) + "has(a)", DiagnosticCode.NESTING_TOO_DEEP, 64);
        assertError("(!".repeat(40) + "has(a)" + ")".repeat(40), DiagnosticCode.NESTING_TOO_DEEP, 64);
        assertError("(".repeat(10_000), DiagnosticCode.NESTING_TOO_DEEP, 64);
        // 64 levels (the parenthesis of `has(` is one) is allowed; a long flat chain is no nesting
        valid("(".repeat(62) + "!has(a)" + ")".repeat(62));
        valid("!has(a) && ".repeat(80) + "all()");
        // parentheses inside values do not count
        valid("a == \"" + "(".repeat(100) + "\"");
    }

    @Test
    void reportsOverlongSelectorsAtTheLimit() {
        assertError("a == \"" + "x".repeat(1020) + "\"", DiagnosticCode.SELECTOR_TOO_LONG, 1024);
    }

    @Test
    void phrasesErrorsInSelectorWords() {
        assertMessage("", "empty selector", "write `all()` to select every workload");
        assertMessage("app = \"www\"", "expected `==`, `!=`, `in`, `not in`, `contains`, `starts with` or `ends with` "
                + "after label `app`, found `=`", null);
        assertMessage("app == \"www", "unterminated string in selector", "close the value with `\"`");
        assertMessage("&& a == \"b\"", "expected a label name, `!`, `has(`, `all()` or `(`, found `&&`", null);
        assertMessage("(a == \"b\"", "unbalanced parenthesis", "this `(` is never closed");
        assertMessage("a == \"b\"))", "unbalanced parenthesis", "this `)` has no matching `(`");
        assertMessage("a starts with b", "expected a quoted value after `starts with`, found `b`",
                "quote values with `\"` or `'`");
        assertMessage("a == \"b\" c", "expected `&&`, `||` or end of selector, found `c`", null);
        assertMessage("a in {\"b\"", "expected `,` or `}`, found end of selector", null);
        assertMessage("a == \"b\" \u0007", "expected `&&`, `||` or end of selector, found character U+0007", null);
        assertMessage("-a == \"b\"", "label key name `-a` must start and end with a letter or digit", LabelKeys.HELP);
    }

    @Test
    void reportsEveryInvalidKeyWithItsExtent() {
        Parsed parsed = parse("-a == \"x\" && b_ == \"y\"");
        assertEquals(2, parsed.diagnostics().size());
        Span first = parsed.diagnostics().get(0).span();
        assertEquals(new Span("t.pal", 1, 10, 1, 12), first);
        assertEquals(23, parsed.diagnostics().get(1).span().column());
    }

    @Test
    void printsNothingToStandardError() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String text : List.of("(((", "a == ", "}{", "a in {", "\"", "has(", "a b c", "#")) {
                assertTrue(parse(text).selector().isEmpty(), text);
            }
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    private static void assertError(String text, DiagnosticCode code, int index) {
        Parsed parsed = parse(text);
        assertTrue(parsed.selector().isEmpty(), "no selector for " + text);
        assertEquals(1, parsed.diagnostics().size(), () -> text + " gave " + parsed.diagnostics());
        Diagnostic diagnostic = parsed.diagnostics().get(0);
        assertEquals(code, diagnostic.code(), () -> text + " gave " + diagnostic.headline());
        assertEquals(FIRST_COLUMN + index, diagnostic.span().column(), () -> text + " gave " + diagnostic.headline());
    }

    private static void assertMessage(String text, String message, String help) {
        Diagnostic diagnostic = parse(text).diagnostics().get(0);
        assertEquals(message, diagnostic.message());
        assertEquals(Optional.ofNullable(help), diagnostic.help());
    }
}
