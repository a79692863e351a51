package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, values and errors as libmodsecurity 3.0.9 (Debian 12, yajl) produced them for the same bodies. */
class JsonBodyTest {

    private static BodyParseResult parse(String body, int depthLimit) {
        return JsonBody.parse(body.getBytes(StandardCharsets.UTF_8), depthLimit);
    }

    private static BodyParseResult parse(String body) {
        return parse(body, 512);
    }

    @Test
    void namesAsTheOracle() {
        BodyParseResult result = parse("{\"a\":[1,[2,{\"b\":null}]],\"\":true,\"c\":{\"d\":1.50e3}}");
        assertEquals(List.of(new Argument("json.a.array_0", "1"), new Argument("json.a.array_1.array_0", "2"),
                new Argument("json.a.array_1.array_1.b", ""), new Argument("json.empty-key", "true"),
                new Argument("json.c.d", "1.50e3")), result.arguments());
        assertFalse(result.error());
        assertEquals("JSON", result.processor());
    }

    @Test
    void rootArrayAndRootScalar() {
        assertEquals(List.of(new Argument("json.array_0", "x"), new Argument("json.array_1", "false")),
                parse("[\"x\",false]").arguments());
        assertEquals(List.of(new Argument("json", "123")), parse("123").arguments());
        assertEquals(List.of(), parse("{\"a\":{},\"b\":[]}").arguments());
    }

    @Test
    void stringsAreUtf8Bytes() {
        BodyParseResult result = parse("{\"k\\u00e9\":\"\\u00e9\\n\"}");
        assertEquals(List.of(new Argument("json.k\u00c3\u00a9", "\u00c3\u00a9\n")), result.arguments());
    }

    @Test
    void depthLimit() {
        assertEquals(List.of(new Argument("json.a.b.c", "1")), parse("{\"a\":{\"b\":{\"c\":1}}}", 4).arguments());
        BodyParseResult tooDeep = parse("{\"z\":0,\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}", 4);
        assertTrue(tooDeep.error());
        assertEquals("JSON parsing error: parse error: client cancelled parse via callback return value\n"
                + ". Parsing depth limit exceeded", tooDeep.errorMessage());
        assertEquals(List.of(new Argument("json.z", "0")), tooDeep.arguments());
        assertTrue(parse("[".repeat(600) + "]".repeat(600)).error());
    }

    @Test
    void errorsKeepTheArgumentsBefore() {
        BodyParseResult result = parse("{\"a\":1,}");
        assertTrue(result.error());
        assertTrue(result.errorMessage().startsWith("JSON parsing error: parse error: "), result.errorMessage());
        assertEquals(List.of(new Argument("json.a", "1")), result.arguments());
    }

    @Test
    void yajlWordings() {
        assertEquals("JSON parsing error: parse error: premature EOF\n", parse("  ").errorMessage());
        assertEquals("JSON parsing error: parse error: premature EOF\n", parse("{\"a\":[1").errorMessage());
        BodyParseResult trailing = parse("{\"a\":1} {\"b\":2}");
        assertEquals("JSON parsing error: parse error: trailing garbage\n", trailing.errorMessage());
        assertEquals(List.of(new Argument("json.a", "1")), trailing.arguments());
    }

    @Test
    void byteOrderMarkAndUtf16AreErrorsAsForYajl() {
        BodyParseResult bom = JsonBody.parse(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}, 512);
        assertEquals("JSON parsing error: lexical error: invalid char in json text.\n", bom.errorMessage());
        assertTrue(JsonBody.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE), 512).error());
        assertTrue(JsonBody.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE), 512).error());
    }

    @Test
    void numbersKeepTheirTextAndEscapesDecode() {
        assertEquals(List.of(new Argument("json.a", "1E400"), new Argument("json.b", "-0"), new Argument("json.c", "1.0e+2"),
                new Argument("json.d", "12345678901234567890123")),
                parse("{\"a\":1E400,\"b\":-0,\"c\":1.0e+2,\"d\":12345678901234567890123}").arguments());
        assertEquals(List.of(new Argument("json.s", "\u0000x")), parse("{\"s\":\"\\u0000x\"}").arguments());
        assertEquals(List.of(new Argument("json.s", "\u00f0\u009f\u0098\u0080")),
                parse("{\"s\":\"\\ud83d\\ude00\"}").arguments());
        assertEquals(List.of(new Argument("json.s", "?")), parse("{\"s\":\"\\ud800\"}").arguments());
        assertEquals(List.of(new Argument("json.a", "b"), new Argument("json.a", "c")),
                parse("{\"a\":\"b\",\"a\":\"c\"}").arguments());
    }

    @Test
    void emptyBodyIsNoError() {
        BodyParseResult result = parse("");
        assertFalse(result.error());
        assertEquals(List.of(), result.arguments());
    }

    @Test
    void strictSyntax() {
        for (String body : List.of("{'a':1}", "{a:1}", "[1,]", "[NaN]", "[01]", "/*c*/[1]", "[\"\u0001\"]")) {
            assertTrue(parse(body).error(), body);
        }
        assertTrue(JsonBody.parse(new byte[] {'[', '"', (byte) 0xff, '"', ']'}, 512).error());
    }
}
