package dev.palisade.cli.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.parse.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code for all} statements generate: the paths a reader of the statement expects to be tried. */
class PropertyRequestsTest {
    private static final List<String> BUNDLE_PATHS = List.of("/", "/robots.txt", "/.git", "/passwords", "/login.php");
    private static final Pattern PLAIN = Pattern.compile("/|(/[a-z0-9_-]+(\\.php)?)+");

    private static TestDecl.Quantifier statement(String line) {
        String policy = "policy p {\n selector 'app == \"p\"'\n alp {\n  allow GET path exact \"/\"\n }\n}\n"
                + "test p {\n property \"t\" {\n  " + line + "\n }\n}\n";
        Diagnostics diagnostics = new Diagnostics();
        PolicyParser.Parsed parsed = PolicyParser.parse("t.pal", policy.getBytes(StandardCharsets.UTF_8), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return parsed.ast().orElseThrow().tests().get(0).properties().get(0).statements().get(0);
    }

    private static Set<String> targets(TestDecl.Quantifier statement, List<String> corpus) {
        // Generated the way palisade test does (same seeding, same jqwik context); nothing fails, so all are seen.
        Set<String> targets = new TreeSet<>();
        JqwikSearch.search(PropertyRequests.of(statement, BUNDLE_PATHS, corpus), 42, 2_000, generated -> {
            targets.add(generated.target());
            return Optional.empty();
        });
        return targets;
    }

    @Test
    void aCorpusStatementTriesItsOwnPathsPlainlySoAFailureIsTheValues() {
        // Dot segments, encodings and the bundle's other paths (/.git) are attacks the WAF rightly flags,
        // whatever the value: a property about benign values must not stumble on them.
        Set<String> underLogin = targets(statement(
                "for all POST paths under \"/login.php\" form username from \"u.txt\" -> allow quietly"), List.of("alice", "bob"));
        assertTrue(underLogin.contains("/login.php"), underLogin::toString);
        assertTrue(underLogin.stream().anyMatch(path -> path.startsWith("/login.php/")), underLogin::toString);
        underLogin.forEach(path -> assertTrue(PLAIN.matcher(path).matches(), path));

        Set<String> exactly = targets(statement(
                "for all POST paths in [\"/login.php\"] form username from \"u.txt\" -> allow quietly"), List.of("alice"));
        assertTrue(exactly.equals(Set.of("/login.php")), exactly::toString);
    }

    @Test
    void aStatementWithoutACorpusTriesTheBypassSpellings() {
        Set<String> notListed = targets(statement("for all GET paths not in [\"/\", \"/robots.txt\"] -> deny"), List.of());
        assertTrue(notListed.stream().anyMatch(path -> path.contains("..") || path.contains("%2")), notListed::toString);
        assertTrue(notListed.stream().anyMatch(path -> path.startsWith("/.git")), notListed::toString);
        assertFalse(notListed.contains("/robots.txt"), notListed::toString);
    }
}
