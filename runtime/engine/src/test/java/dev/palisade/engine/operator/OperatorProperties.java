package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Operators never throw on byte strings; the two regex engines and the phrase matcher agree with references. */
class OperatorProperties {

    private static final List<String> PIECES = List.of("a", "A", "0", "9", "%", "%4", "%41", "%zz", " ", "\n", "\r",
            "\u000b", "\u00e9", "\u00c3\u00a9", "\u00ff", "\u0000", ".", ":", "::", "/", "1.2.3.4", "::1", "'", "\"",
            "<", ">", "script", "select", "or", "=", "union", "/etc/passwd", "${jndi:", "onerror", "javascript:", "&#x", "..",
            "cmd.exe", "<?php", "SLEEP(", "--", "/*", "*/", "@@version", "`", "-", "_", "{", "[", "(", ")", "$", "\\", "4111111111111111");

    /** Every supported operator with an argument typical of its use. */
    private static final List<String[]> SPECS = List.of(
            new String[] {"rx", "(?i)<script[^>]*>[\\s\\S]*?"}, new String[] {"rx", "^(a+)+\\1$"},
            new String[] {"rx", "(?:%{tx.x})+$"}, new String[] {"pm", "select union |00| or"},
            new String[] {"pmFromFile", "data/phrases.data"}, new String[] {"streq", "a"}, new String[] {"strmatch", "a"},
            new String[] {"beginsWith", "%{tx.x}"}, new String[] {"endsWith", "a"}, new String[] {"contains", "a"},
            new String[] {"containsWord", "select"}, new String[] {"within", "GET HEAD"}, new String[] {"eq", "0"},
            new String[] {"ge", "%{tx.x}"}, new String[] {"gt", "5"}, new String[] {"le", "5"}, new String[] {"lt", "5"},
            new String[] {"detectSQLi", ""}, new String[] {"detectXSS", ""}, new String[] {"validateByteRange", "32-126"},
            new String[] {"validateUrlEncoding", ""}, new String[] {"validateUtf8Encoding", ""},
            new String[] {"ipMatch", "10.0.0.0/8,::1,2001:db8::/32"}, new String[] {"ipMatchFromFile", "data/networks.data"},
            new String[] {"unconditionalMatch", ""}, new String[] {"noMatch", ""}, new String[] {"verifyCC", "\\d{13,16}"},
            new String[] {"verifySSN", "\\d{3}-?\\d{2}-?\\d{4}"}, new String[] {"verifyCPF", "\\d{11}"});

    private static final List<Operator> OPERATORS = new ArrayList<>();
    private static final List<PcreRegex> CRS_RE2 = new ArrayList<>();
    private static final List<PcreRegex> CRS_BUDGETED = new ArrayList<>();

    @BeforeContainer
    static void build() throws OperatorArgumentException, IOException {
        for (String[] spec : SPECS) {
            OPERATORS.add(Operators.create(spec[0], spec[1], OperatorVectorsTest.directory()));
        }
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/usr/share/modsecurity-crs/rules"))) {
            for (CrsPatternsTest.CrsPattern p : CrsPatternsTest.crsPatterns()) {
                if (!Argument.hasMacro(p.pattern())) {
                    PcreRegex regex = PcreRegex.compile(p.pattern());
                    if (regex.engine() == PcreRegex.Engine.RE2J) {
                        CRS_RE2.add(regex);
                        CRS_BUDGETED.add(PcreRegex.compileBudgeted(p.pattern(), PcreRegex.DEFAULT_STEP_BUDGET));
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<String> byteStrings() {
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(2_000);
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(100).map(list -> String.join("", list));
        return Arbitraries.frequencyOf(Tuple.of(1, bytes), Tuple.of(2, pieces));
    }

    @Property(tries = 300)
    void operatorsNeverThrow(@ForAll("byteStrings") String value, @ForAll("byteStrings") String macro) {
        assertEquals(SPECS.size(), OPERATORS.size());
        for (Operator operator : OPERATORS) {
            operator.evaluate(value, new RecordingContext(Map.of("tx.x", macro), false));
            operator.evaluate(value, new RecordingContext(Map.of("tx.x", macro), true));
        }
    }

    /** RE2/J on the RE2 translation and the JDK on the Java translation agree on every CRS pattern RE2/J takes. */
    @Property(tries = 100)
    void crsPatternsAgreeOnBothEngines(@ForAll("byteStrings") String value) {
        assertEquals(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/usr/share/modsecurity-crs/rules")) ? 259 : 0, CRS_RE2.size(), "CRS patterns on RE2/J, the macro one aside");
        for (int k = 0; k < CRS_RE2.size(); k++) {
            PcreRegex.Outcome budgeted = CRS_BUDGETED.get(k).find(value, null);
            if (budgeted != PcreRegex.Outcome.LIMIT_EXCEEDED) {
                assertEquals(budgeted, CRS_RE2.get(k).find(value, null), CRS_RE2.get(k).source());
            }
        }
    }

    @Property(tries = 500)
    void phraseMatcherFindsWhatAScanFinds(@ForAll("byteStrings") String value, @ForAll("byteStrings") String phrases) {
        List<String> list = PmOperator.split(phrases);
        String found = PhraseMatcher.of(list).find(value);
        String lowerValue = asciiLower(value);
        boolean any = list.stream().anyMatch(p -> lowerValue.contains(asciiLower(p)));
        assertEquals(any, found != null, () -> list + " in " + value);
        if (found != null) {
            assertEquals(true, lowerValue.contains(asciiLower(found)));
        }
    }

    private static String asciiLower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }
}
