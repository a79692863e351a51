package dev.palisade.engine.waf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ctl's tag and message arguments: searched as ModSecurity v2 does, plain words as plain text. */
class TextSearchTest {

    @Test
    void aPlainWordIsFoundAnywhereInTheTagAndCaseMatters() {
        assertTrue(TextSearch.of("attack-sqli").foundIn("attack-sqli"));
        assertTrue(TextSearch.of("sqli").foundIn("attack-sqli"));
        assertTrue(TextSearch.of("OWASP_CRS/WEB_ATTACK").foundIn("OWASP_CRS/WEB_ATTACK/SQL_INJECTION"));
        assertFalse(TextSearch.of("SQLI").foundIn("attack-sqli"));
    }

    @Test
    void aRegularExpressionIsSearched() {
        assertTrue(TextSearch.of("^attack-(sqli|xss)$").foundIn("attack-xss"));
        assertFalse(TextSearch.of("^attack-(sqli|xss)$").foundIn("attack-rce"));
        assertTrue(TextSearch.of("paranoia-level/[34]").foundIn("paranoia-level/3"));
        assertTrue(TextSearch.of("a.c").foundIn("xabcx"), "a dot is any char, as in the regex");
    }

    @Test
    void anArgumentThatDoesNotCompileIsTakenLiterally() {
        assertTrue(TextSearch.of("attack-[sqli").foundIn("x attack-[sqli y"));
        assertFalse(TextSearch.of("attack-[sqli").foundIn("attack-sqli"));
    }
}
