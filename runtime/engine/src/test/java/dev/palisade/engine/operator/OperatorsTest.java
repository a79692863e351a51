package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.operator.libinjection.SqlInjectionDetector;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorsTest {

    /** ModSecurity's documented operators; the compiler's {@code WafCatalog.OPERATORS} lists the same. */
    private static final Set<String> MODSECURITY = Set.of(
            "beginsWith", "contains", "containsWord", "detectSQLi", "detectXSS", "endsWith", "eq", "fuzzyHash", "ge",
            "geoLookup", "gsbLookup", "gt", "inspectFile", "ipMatch", "ipMatchF", "ipMatchFromFile", "le", "lt",
            "noMatch", "pm", "pmf", "pmFromFile", "rbl", "rsub", "rx", "streq", "strmatch", "unconditionalMatch",
            "validateByteRange", "validateDTD", "validateHash", "validateSchema", "validateUrlEncoding",
            "validateUtf8Encoding", "verifyCC", "verifyCPF", "verifySSN", "within");

    @Test
    void namesAreModSecuritysOperators() {
        assertEquals(MODSECURITY, Operators.names());
        assertEquals(Set.of("fuzzyHash", "geoLookup", "gsbLookup", "inspectFile", "rbl", "rsub", "validateDTD",
                "validateHash", "validateSchema"), Operators.unsupported());
    }

    @Test
    void everyUnsupportedOperatorSaysWhy() {
        for (String name : Operators.unsupported()) {
            OperatorArgumentException e = assertThrows(OperatorArgumentException.class, () -> Operators.create(name, "x", null));
            assertTrue(e.getMessage().startsWith("operator `@" + name + "` is not supported: "), e.getMessage());
        }
    }

    @Test
    void everySupportedNameCreatesAnOperatorReportingItsCanonicalName() throws OperatorArgumentException {
        assertEquals("pmFromFile", Operators.create("pmf", "data/phrases.data", OperatorVectorsTest.directory()).name());
        assertEquals("ipMatchFromFile", Operators.create("ipMatchF", "data/networks.data", OperatorVectorsTest.directory()).name());
        assertEquals("rx", Operators.create("RX", "a", null).name());
        assertEquals("beginsWith", Operators.create("beginswith", "a", null).name());
    }

    @ParameterizedTest(name = "@{0} {1}")
    @CsvSource(delimiter = '#', value = {
        "rx#ab(c#invalid regular expression `ab(c`: unclosed group#-1",
        "rx#a)b#invalid regular expression `a)b`: unmatched closing ')'#-1",
        "rx#x{2,1}#invalid regular expression `x{2,1}`: illegal repetition range#-1",
        "ipMatch#10.0.0.1,10.0.0.256#`10.0.0.256` is not an IP address or CIDR network#9",
        "ipMatch#10.0.0.0/33#`10.0.0.0/33` is not an IP address or CIDR network#0",
        "ipMatch#fe80::1::2#`fe80::1::2` is not an IP address or CIDR network#0",
        "validateByteRange#1-255,300#`300` is not a byte value (0-255)#6",
        "validateByteRange#32-9#byte range `32-9` runs backwards#0",
        "validateByteRange#a-z#`a` is not a byte value (0-255)#0",
        "pm#a |414|#odd number of hex digits in `|…|`#2",
        "pmFromFile#missing.data#cannot read data file `missing.data`#0",
        "pmFromFile#data/phrases.data nope.data#cannot read data file `nope.data`#18",
        "pmFromFile#https://example.com/list.txt#operator `@pmFromFile` cannot fetch `https://example.com/list.txt`: remote data files are not supported#0",
        "ipMatchFromFile#data/bad-networks.data#`not-an-address` is not an IP address or CIDR network in `data/bad-networks.data`#-1",
        "pm#a |4#unterminated `|` in phrase list#2",
        "frobnicate#x#unknown operator `@frobnicate`#-1",
    })
    void badArgumentsAreLoadTimeErrors(String name, String argument, String message, int index) {
        OperatorArgumentException e = assertThrows(OperatorArgumentException.class,
                () -> Operators.create(name, argument, OperatorVectorsTest.directory()));
        assertEquals(message, e.getMessage());
        if (index >= 0) {
            assertEquals(OptionalInt.of(index), e.index());
        }
    }

    @Test
    void detectSqliCapturesTheFingerprint() throws OperatorArgumentException {
        String attack = "1' OR '1'='1";
        RecordingContext context = RecordingContext.withCapture();
        assertTrue(Operators.create("detectSQLi", "", null).evaluate(attack, context));
        assertEquals(Map.of(0, SqlInjectionDetector.detect(attack).fingerprint()), context.captures);
    }

    @Test
    void aMacroPatternIsCompiledPerExpansionAndTheLastOneKept() throws OperatorArgumentException {
        RxOperator rx = (RxOperator) Operators.create("rx", "^(?:%{tx.allowed})$", null);
        RecordingContext json = new RecordingContext(Map.of("tx.allowed", "json|xml"), false);
        RecordingContext broken = new RecordingContext(Map.of("tx.allowed", "json("), false);
        assertTrue(rx.evaluate("xml", json));
        assertFalse(rx.evaluate("html", json));
        assertFalse(rx.evaluate("json(", broken), "an expansion that does not compile is no match");
        assertTrue(rx.evaluate("json", json));
    }

    @Test
    void aPatternTooDeepForTheCompilerIsAnArgumentError() {
        String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        OperatorArgumentException e = assertThrows(OperatorArgumentException.class, () -> Operators.create("rx", deep, null));
        assertTrue(e.getMessage().startsWith("invalid regular expression `((("), e.getMessage());
    }

    @Test
    void aRe2PatternIsShared() throws OperatorArgumentException {
        RxOperator rx = (RxOperator) Operators.create("rx", "^a+$", null);
        assertSame(PcreRegex.Engine.RE2J, rx.regex().engine());
    }
}
