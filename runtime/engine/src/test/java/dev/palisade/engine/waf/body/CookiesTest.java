package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations observed on libmodsecurity 3.0.9 (Debian 12) with a debug-log dump of REQUEST_COOKIES. */
class CookiesTest {

    @Test
    void splitsAsTheOracle() {
        List<Argument> cookies = Cookies.parse(" a=1; b = 2 ;;c;=x; d=\" q \"; $Version=1;  ");
        assertEquals(List.of(new Argument("a", "1"), new Argument("b ", " 2 "), new Argument("c", ""),
                new Argument("d", "\" q \""), new Argument("$Version", "1")), cookies);
        assertEquals(List.of("a", "b ", "c", "d", "$Version"), Cookies.names(cookies));
    }

    @Test
    void valuesAreRaw() {
        assertEquals(List.of(new Argument("s", "a%20b+c=d")), Cookies.parse("s=a%20b+c=d"));
    }

    @Test
    void trailingWhitespaceOfTheLastPairOnly() {
        assertEquals(List.of(new Argument("a", "1 "), new Argument("b", "2")), Cookies.parse("a=1 ; b=2 \t"));
    }

    @Test
    void emptyAndBlankHeaders() {
        assertEquals(List.of(), Cookies.parse(""));
        assertEquals(List.of(), Cookies.parse("  ;  ; =v"));
    }

    @Test
    void severalHeadersInOrder() {
        assertEquals(List.of(new Argument("a", "1"), new Argument("a", "2"), new Argument("b", "3")),
                Cookies.parseAll(List.of("a=1", "a=2; b=3")));
    }
}
