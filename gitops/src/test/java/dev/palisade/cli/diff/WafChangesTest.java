package dev.palisade.cli.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.ast.PolicyDecl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code palisade diff} says changed in a WAF, read from the two blocks as written (no Core Rule Set needed). */
class WafChangesTest {
    private static final String SITE = """
            policy site {
                selector 'app == "site"'
                waf {
                    mode blocking
                    rule 1001 "no alice" {
                        when ARGS:q @streq "alice"
                        deny 403
                    }
                    exclude rule 1001 for ARGS:name
                    seclang include "extra.conf"
                }
            }
            """;
    private static final String EXTRA = "SecRule ARGS:x \"@streq bob\" \"id:2001,phase:2,deny,status:403\"\n";

    private static Optional<PolicyVersion.WafSource> waf(Path directory, String policy, String extra) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("extra.conf"), extra);
        Path file = Files.writeString(directory.resolve("site.pal"), policy);
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        assertFalse(result.diagnostics().hasErrors(), () -> result.diagnostics().sorted().toString());
        PolicyDecl site = result.unit().policies().get(0);
        return site.waf().map(block -> new PolicyVersion.WafSource(block, directory));
    }

    private static List<String> changes(Path directory, String after, String afterExtra) throws IOException {
        return WafChanges.of(waf(directory.resolve("before"), SITE, EXTRA), waf(directory.resolve("after"), after, afterExtra));
    }

    @Test
    void theSameBlockElsewhereInTheFileIsNoChange(@TempDir Path directory) throws IOException {
        assertEquals(List.of(), changes(directory, "// a comment moves everything down\n\n" + SITE, EXTRA));
    }

    @Test
    void aRuleWhoseActionChangedIsChangedByIdAndLine(@TempDir Path directory) throws IOException {
        Path after = directory.resolve("after/site.pal");
        assertEquals(List.of("changed: rule 1001 \"no alice\" (" + after + ":5:9, was " + directory.resolve("before/site.pal") + ":5:9)"),
                changes(directory, SITE.replace("deny 403", "deny 406"), EXTRA));
    }

    @Test
    void exclusionsAndRulesAddedAndRemoved(@TempDir Path directory) throws IOException {
        Path before = directory.resolve("before/site.pal");
        Path after = directory.resolve("after/site.pal");
        String changed = SITE.replace("exclude rule 1001 for ARGS:name", "exclude rule 1002 for ARGS:q on path prefix \"/login\"")
                .replace("rule 1001 \"no alice\"", "rule 1002 \"no alice\"");
        assertEquals(List.of(
                "removed: rule 1001 \"no alice\" (was " + before + ":5:9)",
                "added: rule 1002 \"no alice\" (" + after + ":5:9)",
                "removed: exclude rule 1001 for ARGS:name (was " + before + ":9:9)",
                "added: exclude rule 1002 for ARGS:q on path prefix \"/login\" (" + after + ":9:9)"),
                changes(directory, changed, EXTRA));
    }

    @Test
    void anIncludedFileWhoseContentChangedIsAChange(@TempDir Path directory) throws IOException {
        assertEquals(List.of("changed: seclang include \"extra.conf\" (" + directory.resolve("after/site.pal") + ":10:9, was "
                        + directory.resolve("before/site.pal") + ":10:9)"),
                changes(directory, SITE, EXTRA.replace("bob", "carol")));
    }

    @Test
    void modeAndAWholeBlock(@TempDir Path directory) throws IOException {
        assertEquals(List.of("mode blocking -> detection (" + directory.resolve("after/site.pal") + ":4:9)"),
                changes(directory, SITE.replace("mode blocking", "mode detection"), EXTRA));
        Optional<PolicyVersion.WafSource> none = Optional.empty();
        assertEquals(List.of("WAF removed (was " + directory.resolve("before/site.pal") + ":3:5)"),
                WafChanges.of(waf(directory.resolve("before"), SITE, EXTRA), none));
    }
}
