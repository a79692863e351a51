package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The prefilter never hides a match: on strings built from a pattern's own literals (whole, cut,
 * case-changed), the literal runs of its source and random bytes, a prefilter that says no means
 * the unfiltered regex finds no match. Patterns: CRS 3.3.4 (when installed) and hand-written ones
 * exercising every construct.
 */
class RxPrefilterProperties {

    private static final List<String> OWN = List.of("https?://[a-z]+\\.(?:com|org)", "(?i)<script[^>]*>", "(?i:union)\\s+(?:all\\s+)?select",
            "\\bselect\\b.{0,40}\\bfrom\\b", "a[bc]{2}d(?=e)", "(?:foo|bar)\\d+(?:qux|quux)", "(['\"])xyz\\1", "x(?:ab){2,}c",
            "(?<!q)abc(?!d)", "[Aa][Bb][Cc]d?", "\\x41\\x{42}C", "\\Qa.b*\\E", "(?i)caf\\xE9", "on(?:error|load)\\s*=",
            "(?:\\.\\./|\\.\\.\\\\)+etc", "\\$\\{jndi:", "[\\-x]yz", "select|union|insert", "ab{3,5}", "^(?:GET|HEAD)$");

    private static final List<PatternUnderTest> PATTERNS = new ArrayList<>();

    record PatternUnderTest(String pcre, PcreRegex filtered, PcreRegex plain, List<String> pieces) {}

    @BeforeContainer
    static void build() throws OperatorArgumentException, IOException {
        List<String> sources = new ArrayList<>(OWN);
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/usr/share/modsecurity-crs/rules"))) {
            for (CrsPatternsTest.CrsPattern p : CrsPatternsTest.crsPatterns()) {
                if (!Argument.hasMacro(p.pattern())) {
                    sources.add(p.pattern());
                }
            }
        }
        for (String pcre : sources) {
            PcreRegex filtered = PcreRegex.compile(pcre);
            if (filtered.prefilter() == null) {
                continue;
            }
            Set<String> pieces = new LinkedHashSet<>();
            for (String literal : filtered.prefilter().literals()) {
                pieces.add(literal);
                pieces.add(literal.toUpperCase(java.util.Locale.ROOT));
                pieces.add(literal.substring(1));
                pieces.add(literal.substring(0, literal.length() - 1));
            }
            Matcher run = Pattern.compile("[A-Za-z0-9_]{2,}").matcher(pcre);
            while (run.find()) {
                pieces.add(run.group());
            }
            pieces.addAll(List.of(" ", "\t", "\n", "=", "'", "\"", "(", ")", "<", ">", "/", ".", ":", "\\", "-", "0", "a", "A",
                    "\u00e9", "\u00ff", "\u0000"));
            PATTERNS.add(new PatternUnderTest(pcre, filtered, PcreRegex.compileBudgeted(pcre, PcreRegex.DEFAULT_STEP_BUDGET),
                    List.copyOf(pieces)));
        }
    }

    @Provide
    Arbitrary<Tuple2<PatternUnderTest, String>> patternAndSubject() {
        return Arbitraries.of(PATTERNS).flatMap(p -> {
            Arbitrary<String> piece = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.of(p.pieces())),
                    Tuple.of(1, Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(4)));
            return piece.list().ofMaxSize(12).map(list -> Tuple.of(p, String.join("", list)));
        });
    }

    @Property(tries = 20_000)
    void aPrefilterThatSaysNoHidesNoMatch(@ForAll("patternAndSubject") Tuple2<PatternUnderTest, String> pair) {
        PatternUnderTest p = pair.get1();
        String subject = pair.get2();
        boolean passes = p.filtered().prefilter().mayMatch(subject);
        PcreRegex.Outcome plain = p.plain().find(subject, null);
        Statistics.label("prefilter").collect(passes ? "passes" : "skips");
        Statistics.label("regex").collect(plain);
        if (!passes) {
            assertNotEquals(PcreRegex.Outcome.MATCH, plain, () -> p.pcre() + " " + p.filtered().prefilter().literals()
                    + " skips a match on " + OperatorVectorsTest.show(subject));
        }
        // and the filtered regex gives the plain answer wherever the plain one is sure
        if (plain != PcreRegex.Outcome.LIMIT_EXCEEDED) {
            org.junit.jupiter.api.Assertions.assertEquals(plain, p.filtered().find(subject, null), p.pcre());
        }
    }
}
