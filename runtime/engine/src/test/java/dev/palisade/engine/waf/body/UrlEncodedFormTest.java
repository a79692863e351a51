package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations observed on libmodsecurity 3.0.9 (Debian 12) with a debug-log dump of ARGS. */
class UrlEncodedFormTest {

    private static List<Argument> args(String data) {
        return UrlEncodedForm.parse(data, '&').arguments();
    }

    @Test
    void queryStringAsTheOracleSplitsIt() {
        UrlEncodedForm.Parsed parsed = UrlEncodedForm.parse("a=1&&b=%41%2&c&=d&e=f=g&x+y=%zz+1&", '&');
        assertEquals(List.of(new Argument("a", "1"), new Argument("", ""), new Argument("b", "A%2"),
                new Argument("c", ""), new Argument("", "d"), new Argument("e", "f=g"), new Argument("x y", "%zz 1")),
                parsed.arguments());
        assertTrue(parsed.invalidEncoding());
    }

    @Test
    void validEncodingIsNoError() {
        UrlEncodedForm.Parsed parsed = UrlEncodedForm.parse("q=%27%20or%201%3D1--&n=%e9", '&');
        assertEquals(List.of(new Argument("q", "' or 1=1--"), new Argument("n", "\u00e9")), parsed.arguments());
        assertFalse(parsed.invalidEncoding());
    }

    @Test
    void emptyInputHasNoArgumentsAndOneTrailingSeparatorAddsNone() {
        assertEquals(List.of(), args(""));
        assertEquals(List.of(new Argument("a", "")), args("a&"));
        assertEquals(List.of(new Argument("a", ""), new Argument("", "")), args("a&&"));
        assertEquals(List.of(new Argument("", "")), args("&"));
    }

    @Test
    void percentAtTheEndIsKeptAndFlagged() {
        for (String data : List.of("a=%", "a=%4", "a%=1", "%g1=x")) {
            assertTrue(UrlEncodedForm.parse(data, '&').invalidEncoding(), data);
        }
        assertEquals(List.of(new Argument("a", "%4")), args("a=%4"));
    }

    @Test
    void decodesToBytesNotCharacters() {
        assertEquals(List.of(new Argument("k", "\u00c3\u00a9\u0000")), args("k=%C3%A9%00"));
    }

    @Test
    void queryStringStopsAtTheFragment() {
        assertEquals("a=1", UrlEncodedForm.queryString("/p?a=1#x&b=2"));
        assertEquals("", UrlEncodedForm.queryString("/p#frag?a=1"));
        assertEquals("a=1?b=2", UrlEncodedForm.queryString("/p?a=1?b=2#"));
        assertEquals("", UrlEncodedForm.queryString("/p"));
        assertEquals("", UrlEncodedForm.queryString("/p?"));
    }

    @Test
    void separatorIsConfigurable() {
        assertEquals(List.of(new Argument("a", "1"), new Argument("b", "2&c=3")),
                UrlEncodedForm.parse("a=1;b=2&c=3", ';').arguments());
    }

    @Test
    void bodyIsNeverARequestBodyError() {
        byte[] body = "a=1&&b&%".getBytes(StandardCharsets.ISO_8859_1);
        BodyParseResult result = BodyProcessors.parse(BodyProcessors.URLENCODED, "application/x-www-form-urlencoded",
                body, BodyLimits.defaults());
        assertEquals(List.of(new Argument("a", "1"), new Argument("", ""), new Argument("b", ""), new Argument("%", "")),
                result.arguments());
        assertFalse(result.error());
        assertTrue(result.urlEncodedError());
        assertEquals("URLENCODED", result.processor());
    }
}
