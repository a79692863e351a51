package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link RxPrefilter}: the literals it derives per construct, and the guarantee that it never
 * hides a match, checked against libpcre2 on CRS (the data of {@link CrsPcre2ReferenceTest}).
 */
class RxPrefilterTest {

    /** The literals for a PCRE pattern, through the same translation the engine uses. */
    private static List<String> literals(String pcre) {
        return RxPrefilter.literals(PcreTranslation.translate(pcre).java());
    }

    private static void assertLiterals(String pcre, String... expected) {
        assertEquals(List.of(expected), literals(pcre), pcre);
    }

    private static void assertNone(String pcre) {
        assertNull(literals(pcre), pcre);
    }

    @Test
    void literalsAndConcatenation() {
        assertLiterals("select", "select");
        assertLiterals("abc\\.def", "abc.def");
        assertLiterals("a\\x41\\x{42}c", "aabc");
        assertLiterals("\\Qa.b*\\E", "a.b*");
        assertLiterals("\\t\\n\\rx", "\t\n\rx");
    }

    @Test
    void shortLiteralsGiveNoPrefilter() {
        assertNone("ab");
        assertNone("a|bcd");
        assertNone("");
    }

    @Test
    void shortLiteralsWithARareCharAreKept() {
        assertLiterals("(?:;|\\||\\$\\()\\s*\\w", "$(", ";", "|");
        assertLiterals("(?:^|[\\/])\\.\\.(?:[\\/]|$)", "..");
        assertLiterals("[oOcC]:\\d+:\".+?\":\\d+:", ":\"");
        assertLiterals("(?:;|\\|)\\s*cat\\b", "cat"); // a longer literal is more selective
        assertNone("a|;");
        assertLiterals("[\\n\\r]x", "\nx", "\rx");
        assertTrue(new RxPrefilter.Policy(3, false).accepts("ab;"));
        assertFalse(new RxPrefilter.Policy(3, false).accepts(";"));
        assertTrue(new RxPrefilter.Policy(3, true).accepts(";"));
        assertFalse(new RxPrefilter.Policy(3, true).accepts("a1"));
        assertTrue(new RxPrefilter.Policy(3, true).accepts("\u00e9"));
    }

    @Test
    void caseIsFoldedAsciiOnly() {
        assertLiterals("(?i)SeLeCt", "select");
        assertLiterals("(?i:UNION)\\s+ALL", "union");
        RxPrefilter f = RxPrefilter.forJavaPattern(PcreTranslation.translate("(?i)union").java());
        assertTrue(f.mayMatch("xxUnIoNxx"));
        assertTrue(f.mayMatch("UNION"));
        assertFalse(f.mayMatch("uni\u00f3n"));
        // case-sensitive patterns are folded too: a superset, never a miss
        RxPrefilter g = RxPrefilter.forJavaPattern(PcreTranslation.translate("Union").java());
        assertTrue(g.mayMatch("UNION"));
        assertLiterals("caf\\xE9", "caf\u00e9");
        assertTrue(RxPrefilter.forJavaPattern(PcreTranslation.translate("(?i)caf\\xE9").java()).mayMatch("CAF\u00e9"));
    }

    @Test
    void classes() {
        assertLiterals("ab[cd]", "abc", "abd");
        assertLiterals("(?i)a[b-c]x", "abx", "acx");
        assertLiterals("[Aa][Bb][Cc]", "abc");
        assertNone("[a-z]bc");          // 26 chars: unconstrained, and "bc" is too short
        assertLiterals("[a-z]bcd", "bcd");
        assertLiterals("[^a]bcd", "bcd");
        assertLiterals("[\\d]bcd", "bcd");
        assertLiterals("[.]bcd", ".bcd");
        assertLiterals("[\\]]bcd", "]bcd");
        assertLiterals("[\\-x]yz", "-yz", "xyz");
        assertLiterals("[[:digit:]]abc", "abc");
        assertLiterals("x[\\x{100}y]abc", "abc"); // a member above 0xFF: unconstrained
    }

    @Test
    void escapesForClassesAreUnconstrained() {
        assertLiterals("\\d+select\\s+\\w", "select");
        assertLiterals("\\S\\Wfoo\\h\\v\\D", "foo");
        assertNone("\\d\\s\\w");
        assertEquals(List.of("abc"), RxPrefilter.literals("\\p{Alpha}\\pLabc")); // Java syntax: PCRE's \p{…} is not in CRS
    }

    @Test
    void dotIsUnconstrained() {
        assertLiterals("a.bcd", "bcd");
        assertNone("a.b");
        assertLiterals("foo.*barx", "barx");
    }

    @Test
    void zeroWidthItemsAreNeutral() {
        assertLiterals("^abc$", "abc");
        assertLiterals("\\babc\\b", "abc");
        assertLiterals("\\Aab\\Bc\\z", "abc");
        assertLiterals("ab(?=x)c", "abc");
        assertLiterals("ab(?!x)c", "abc");
        assertLiterals("a(?<=a)bc(?<!x)", "abc");
        assertLiterals("ab(?i)c", "abc");
        assertLiterals("a(?#comment)bc", "abc");
    }

    @Test
    void backreferencesAreUnconstrained() {
        assertLiterals("(abc)\\1", "abc");
        assertNone("(a)\\1");
        assertLiterals("(?<q>['\"])xyz\\k<q>", "\"xyz", "'xyz");
    }

    @Test
    void quantifiers() {
        assertNone("(?:abc)*");
        assertNone("x*");
        assertNone("(?:abc){0,3}");
        assertLiterals("https?://", "http://", "https://");
        assertLiterals("(?:abc)?def", "def"); // abcdef holds def: redundant
        assertLiterals("(?:abc)+", "abc");
        assertLiterals("a{3}", "aaa");
        assertLiterals("x(?:ab){2,}c", "abab");
        assertLiterals("(?:ab){2,5}", "abab");
        assertLiterals("a{2}?bc", "aabc");
        assertLiterals("a++bcd", "bcd");
        assertLiterals("(?>abc)d", "abcd");
        assertNone("abc{0}");
    }

    @Test
    void alternation() {
        assertLiterals("foo|bar|baz", "bar", "baz", "foo");
        assertNone("foo|bar|.*");
        assertNone("foo|");
        assertLiterals("(?:foo|bar)\\d+(?:qux|quux)", "quux", "qux"); // one sure literal beats two
        assertLiterals("(?:foobar|bazqux)\\d+(?:ab|cd)", "bazqux", "foobar");
        assertLiterals("x(?:foo|\\d+bar)", "bar", "foo");
        assertNone("(?:foo|\\d+)x");
    }

    @Test
    void concatenationKeepsTheMoreSelectivePart() {
        assertLiterals("select\\s+from", "select");
        assertLiterals("ab\\d+union", "union");
        // a cross product that grows past the limit keeps the better side
        assertLiterals("[ab][cd][ef][gh][ij]\\s*xyzzy", "xyzzy");
    }

    @Test
    void syntaxNotModelledGivesNoPrefilter() {
        assertNull(RxPrefilter.literals("(?x)a b c"));
        assertNull(RxPrefilter.literals("(?u)abc"));
        assertNull(RxPrefilter.literals("(?U)abc"));
        assertNull(RxPrefilter.literals("abc)"));
        assertNull(RxPrefilter.literals("(abc"));
        assertNull(RxPrefilter.literals("\\cAabc"));
        assertEquals(List.of("cde"), RxPrefilter.literals("[\\Qab\\E]cde")); // \Q in a class: unconstrained
    }

    @Test
    void macroPatternsHaveNoPrefilter() throws OperatorArgumentException {
        RxOperator rx = new RxOperator("^%{tx.allowed}$");
        assertNull(rx.regex());
        assertNull(PcreRegex.compileUnfiltered("select").prefilter());
        assertNotNull(PcreRegex.compile("select").prefilter());
    }

    @Test
    void aSkippedSearchIsNoMatchWithoutCaptures() throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compile("(union)\\s+select");
        RecordingContext context = RecordingContext.withCapture();
        assertEquals(PcreRegex.Outcome.NO_MATCH, regex.find("nothing here", context));
        // case-sensitive: the prefilter lets UNION through (it folds case), the regex says no
        assertTrue(regex.prefilter().mayMatch("a UNION select"));
        assertEquals(PcreRegex.Outcome.NO_MATCH, regex.find("a UNION select", context));
        assertEquals(PcreRegex.Outcome.MATCH, regex.find("a union  select", context));
        assertEquals(List.of(), regex.findAll("nothing"));
    }

    @Test
    void aSubjectWithoutTheLiteralsCannotExhaustTheBudget() throws OperatorArgumentException {
        String pattern = "^(a+)+\\1xyz$"; // a backreference: budgeted JDK engine only
        String subject = "a".repeat(40) + "b";
        assertEquals(List.of("xyz"), literals(pattern));
        assertEquals(PcreRegex.Outcome.LIMIT_EXCEEDED, PcreRegex.compileBudgeted(pattern, 10_000).find(subject, null));
        assertEquals(PcreRegex.Outcome.NO_MATCH, PcreRegex.compile(pattern, 10_000).find(subject, null));
        assertEquals(PcreRegex.Outcome.MATCH, PcreRegex.compile(pattern, 10_000).find("aaaaxyz", null));
    }

    @Test
    void aSubjectShorterThanEveryLiteralIsSkipped() {
        RxPrefilter f = RxPrefilter.forJavaPattern(PcreTranslation.translate("select|union").java());
        assertFalse(f.mayMatch("sel"));
        assertFalse(f.mayMatch(""));
        assertTrue(f.mayMatch("union"));
        assertTrue(f.mayMatch("SELECT"));
    }

    // ---- the guarantee, on CRS against libpcre2 --------------------------------------------------

    @Test
    void neverSkipsAPcre2MatchOnCrs() throws IOException, OperatorArgumentException {
        Path reference = Path.of(System.getProperty("palisade.root", "../..")).resolve(CrsPcre2ReferenceTest.REFERENCE).normalize();
        Assumptions.assumeTrue(Files.isReadable(reference), "skipped: no PCRE2 reference at " + reference
                + "; see CrsPcre2ReferenceTest for how to write it");
        JsonNode root;
        try (InputStream in = Files.newInputStream(reference)) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> inputs = new ArrayList<>();
        root.get("inputs").forEach(input -> inputs.add(input.asText()));
        List<RxPrefilter.Policy> policies = List.of(new RxPrefilter.Policy(2, false), new RxPrefilter.Policy(3, false),
                new RxPrefilter.Policy(4, false), new RxPrefilter.Policy(2, true), new RxPrefilter.Policy(3, true),
                new RxPrefilter.Policy(4, true));
        List<String> violations = new ArrayList<>();
        int patterns = 0;
        for (RxPrefilter.Policy policy : policies) {
            int filtered = 0;
            long nonMatching = 0;
            long skipped = 0;
            patterns = 0;
            for (JsonNode pattern : root.get("patterns")) {
                patterns++;
                Set<Integer> pcreMatches = new HashSet<>();
                pattern.get("matches").forEach(index -> pcreMatches.add(index.asInt()));
                String java = PcreTranslation.translate(pattern.get("pattern").asText()).java();
                List<String> literals = RxPrefilter.literals(java, policy);
                PhraseMatcher matcher = literals == null ? null : PhraseMatcher.of(literals);
                filtered += matcher == null ? 0 : 1;
                for (int k = 0; k < inputs.size(); k++) {
                    boolean passes = matcher == null || matcher.find(inputs.get(k)) != null;
                    if (pcreMatches.contains(k)) {
                        if (!passes) {
                            violations.add(pattern.get("id").asText() + " (" + policy + ") " + literals
                                    + " skips a PCRE2 match on " + OperatorVectorsTest.show(inputs.get(k)));
                        }
                    } else {
                        nonMatching++;
                        skipped += passes ? 0 : 1;
                    }
                }
            }
            System.out.printf("prefilter, %s: %d of %d CRS patterns; skips %d of %d non-matching searches"
                    + " (%.1f%%)%n", policy, filtered, patterns, skipped, nonMatching, 100.0 * skipped / nonMatching);
        }
        assertEquals(List.of(), violations.subList(0, Math.min(20, violations.size())), violations.size() + " violations");
        // the shipped threshold, through PcreRegex itself
        for (JsonNode pattern : root.get("patterns")) {
            Set<Integer> pcreMatches = new HashSet<>();
            pattern.get("matches").forEach(index -> pcreMatches.add(index.asInt()));
            PcreRegex regex = PcreRegex.compile(pattern.get("pattern").asText());
            for (int k : pcreMatches) {
                assertEquals(PcreRegex.Outcome.MATCH, regex.find(inputs.get(k), null), pattern.get("id").asText());
            }
        }
    }
}
