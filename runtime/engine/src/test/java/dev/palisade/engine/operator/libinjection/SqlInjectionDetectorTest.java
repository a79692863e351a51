package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API on a few inputs whose fingerprints are worked out by hand (no external data needed). */
class SqlInjectionDetectorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "' or 5=5-- |s&1c",
        "1 union select 1,2,3|1UE1",
        "1' OR '1'='1|s&sos",
        "admin'--|sc",
        "1; DROP TABLE users|1;Tnn",
        "1 /* /* */ */ 2|X",
        "1 /*! union */|X",
        "1\" or \"1\"=\"1|s&sos",
    })
    void detects(String input, String fingerprint) {
        SqlInjectionDetector.Result result = SqlInjectionDetector.detect(input);
        assertEquals(new SqlInjectionDetector.Result(true, fingerprint), result);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"", "hello world", "john.smith@example.com", "O'Reilly", "1 union", "3.14",
        "SELECT is a fine word", "the year 1999 -- a good one", "100% cotton and 20% wool blend",
    })
    void passesOrdinaryText(String input) {
        assertEquals(new SqlInjectionDetector.Result(false, ""), SqlInjectionDetector.detect(input));
    }
}
