package dev.palisade.dsl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.parse.PolicyParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code palisade fmt} on random valid files: a fixed point, meaning-preserving, and keeping every comment. */
class PolicyFormatterPropertiesTest {

    @Provide
    Arbitrary<RandomPolicySource.Generated> files() {
        return Arbitraries.randomValue(RandomPolicySource::generate);
    }

    @Property(tries = 1000)
    void formattingTwiceChangesNothing(@ForAll("files") RandomPolicySource.Generated file) {
        String once = format(file.source());
        assertEquals(once, format(once));
    }

    @Property(tries = 1000)
    void formattedFileMeansTheSame(@ForAll("files") RandomPolicySource.Generated file) {
        PolicyFile original = parse(file.source());
        String formatted = PolicyFormatter.format(original);
        PolicyFile reparsed = parse(formatted);
        assertEquals(AstMeaning.describe(original), AstMeaning.describe(reparsed), formatted);
    }

    @Property(tries = 1000)
    void everyCommentIsKept(@ForAll("files") RandomPolicySource.Generated file) {
        String formatted = format(file.source());
        for (String comment : file.comments()) {
            String printed = Comment.normalize(comment);
            assertEquals(1, occurrences(file.source(), comment), comment);
            assertEquals(1, occurrences(formatted, printed), () -> printed + " in\n" + formatted);
        }
    }

    @Property(tries = 1000)
    void outputIsCanonicalText(@ForAll("files") RandomPolicySource.Generated file) {
        String formatted = format(file.source());
        assertTrue(formatted.endsWith("\n") && !formatted.endsWith("\n\n"), "ends with exactly one newline");
        // A '''…''' block is printed verbatim: blank lines and CRs inside it are its value.
        if (!file.source().contains("'''")) {
            assertFalse(formatted.contains("\n\n\n"), "at most one blank line");
            assertFalse(formatted.contains("\r"), "LF line ends only");
            assertFalse(formatted.matches("(?s).*[ \t]\n.*"), "no trailing blanks");
        }
    }

    private static String format(String text) {
        Diagnostics diagnostics = new Diagnostics();
        String formatted = PolicyFormatter.formatSource(new SourceFile("random.pal", text), diagnostics)
                .orElseThrow(() -> new AssertionError("does not format: " + diagnostics.sorted()));
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return formatted;
    }

    private static PolicyFile parse(String text) {
        Diagnostics diagnostics = new Diagnostics();
        PolicyParser.Parsed parsed = PolicyParser.parse(new SourceFile("random.pal", text), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted() + " in\n" + text);
        return parsed.ast().orElseThrow();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
