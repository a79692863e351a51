package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * The detector is total and linear: it answers on any string (random Unicode, bytes, SQL-ish
 * soup with deeply nested quotes and comments, inputs up to 1 MB) and its tokenizer makes
 * progress on every token, so the work is bounded by the input length. No wall-clock timing here.
 */
class SqlInjectionDetectorProperties {

    /** Fragments that open or close the tokenizer's many literal and comment forms. */
    private static final String[] SQL_PIECES = {
        "'", "\"", "`", "\\", "\\'", "''", "/*", "*/", "/*!", "/*!50000", "--", "-- ", "#", "\n",
        "(", ")", "{", "}", "[", "]", "$", "$$", "$a$", "q'[", "Q'<", "N'", "nq'(", "E'", "U&'", "b'01",
        "x'AF", "@", "@@", "@`", "0x", "0b", "1e", "1.e", ".", "1.5f", " ", "\u00a0", "\0", "select",
        "SELECT", "union", "all", "or", "and", "not", "in", "like", "into", "outfile", "if", ";", ",",
        "=", "<=>", "::", "||", "1", "-", "+", "~", "!", "sp_password", "collate", "utf8_bin", "\u00ff",
    };

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(2_000);
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(2_000);
        return Arbitraries.oneOf(unicode, bytes, sqlSoup());
    }

    @Provide
    Arbitrary<String> sqlSoup() {
        return Arbitraries.of(SQL_PIECES).list().ofMaxSize(200).map(list -> String.join("", list));
    }

    /** Up to 1 MB: a short SQL-ish pattern repeated (deep nesting of quotes and comments). */
    @Provide
    Arbitrary<String> huge() {
        Arbitrary<String> pattern = Arbitraries.of(SQL_PIECES).list().ofMinSize(1).ofMaxSize(6)
                .map(list -> String.join("", list));
        // Uniform: jqwik's default leans to small numbers, and the point here is size.
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 1 << 20).withDistribution(RandomDistribution.uniform());
        return Combinators.combine(pattern, size).as((p, n) -> {
            String repeated = p.isEmpty() ? "'" : p.repeat(Math.max(1, n / Math.max(1, p.length())));
            return repeated.substring(0, Math.min(repeated.length(), 1 << 20));
        });
    }

    @Property
    void answersOnAnyInput(@ForAll("anyText") String input) {
        checkResult(input);
    }

    @Property(tries = 15)
    void answersOnHugeInput(@ForAll("huge") String input) {
        checkResult(input);
        assertTokenizerProgresses(input);
    }

    /** 1 MB of each worst case: open quotes, escapes, comment openers, parentheses, "/*" nesting. */
    @Example
    void answersOnOneMegabyteOfNesting() {
        for (String unit : new String[] {"'", "\\'", "\"/*", "/*", "((", "'\"`", "/*!", "-- '\n", "$$", "q'[", "1.e"}) {
            String input = unit.repeat((1 << 20) / unit.length());
            checkResult(input);
            assertTokenizerProgresses(input);
        }
    }

    @Property
    void tokenizerProgressesInEveryContext(@ForAll("anyText") String input) {
        assertTokenizerProgresses(input);
    }

    @Property
    void foldingKeepsAtMostFiveTokens(@ForAll("sqlSoup") String input) {
        for (char quote : new char[] {0, '\'', '"'}) {
            for (boolean mysql : new boolean[] {false, true}) {
                SqlFingerprint pass = SqlFingerprint.of(input, quote, mysql);
                assertTrue(pass.fingerprint.length() <= SqlFolder.MAX_TOKENS, pass.fingerprint);
                assertTrue(pass.tokenizer.statsTokens <= input.length() + 1);
            }
        }
    }

    private static void checkResult(String input) {
        SqlInjectionDetector.Result result = SqlInjectionDetector.detect(input);
        assertEquals(result.injection(), !result.fingerprint().isEmpty(), "a fingerprint exactly when injection");
        if (result.injection()) {
            assertTrue(result.fingerprint().length() <= SqlFolder.MAX_TOKENS);
            assertTrue(SqlTables.isFingerprint(result.fingerprint()), result.fingerprint());
        }
    }

    /**
     * INVARIANT checked: each token moves the position forward, so tokens ≤ length + 1 (the
     * quote-context token may be empty) and a pass is linear in the input.
     */
    private static void assertTokenizerProgresses(String input) {
        for (char quote : new char[] {0, '\'', '"'}) {
            for (boolean mysql : new boolean[] {false, true}) {
                SqlTokenizer tokenizer = new SqlTokenizer(input, quote, mysql);
                SqlToken token = new SqlToken();
                int tokens = 0;
                int before = tokenizer.pos;
                while (tokenizer.next(token)) {
                    tokens++;
                    assertTrue(tokenizer.pos > before || (tokens == 1 && quote != 0),
                            "position advances on each token");
                    assertTrue(tokenizer.pos <= input.length());
                    assertTrue(token.len <= SqlToken.MAX_VALUE_LENGTH);
                    before = tokenizer.pos;
                }
                assertEquals(input.length(), tokenizer.pos, "the whole input is read");
                assertTrue(tokens <= input.length() + 1, () -> "tokens " + tokenizer.statsTokens);
            }
        }
    }
}
