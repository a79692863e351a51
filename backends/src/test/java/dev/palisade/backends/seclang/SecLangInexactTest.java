package dev.palisade.backends.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SecLang cannot say is an error at the policy line that needs it, never a quietly different file. */
class SecLangInexactTest {

    private static List<String> emitErrors(Path policy) {
        BuildInput input = EmittedConf.build(policy);
        Diagnostics diagnostics = new Diagnostics();
        new SecLangBackend().emit(input, BuildOptions.defaults(), diagnostics);
        return diagnostics.sorted().stream().filter(Diagnostic::isError)
                .map(d -> d.span().file().replaceAll(".*/", "") + ":" + d.span().line() + " " + d.code().id() + " "
                        + d.message()).toList();
    }

    @Test
    void aMessageWithASingleQuoteHasNoSecLangSpelling(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("quote.pal");
        Files.writeString(policy, """
                policy quote {
                  selector 'app == "quote"'
                  waf {
                    rule 5 "it's an attack" {
                      when ARGS @contains "x"
                      deny
                    }
                  }
                }
                """);
        List<String> errors = emitErrors(policy);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("quote.pal:4 P0660 this cannot be written as SecLang exactly"), errors::toString);
    }

    @Test
    void aRedirectWithoutItsUrlIsReported(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("redirect.pal");
        Files.writeString(policy, """
                policy redirect {
                  selector 'app == "redirect"'
                  waf {
                    seclang '''
                SecRule ARGS "@contains x" "id:8,phase:2,redirect:https://example.com/blocked,log"
                '''
                  }
                }
                """);
        List<String> errors = emitErrors(policy);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("redirect.pal:5 P0660 rule `8` redirects")), errors::toString);
    }

    @Test
    void changingTheActionsOfACrsRuleIsReported(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's CRS is not installed (package `modsecurity-crs`)");
        Path policy = dir.resolve("tuned.pal");
        Files.writeString(policy, """
                policy tuned {
                  selector 'app == "tuned"'
                  waf {
                    crs paranoia 1
                    seclang '''
                SecRuleUpdateActionById 942100 "severity:'WARNING'"
                '''
                  }
                }
                """);
        List<String> errors = emitErrors(policy);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("P0661 the policy changes more than the targets of Core Rule Set rule `942100`"),
                errors::toString);
    }

    @Test
    void aCrsFileIncludedAgainIsReported(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's CRS is not installed (package `modsecurity-crs`)");
        Path policy = dir.resolve("twice.pal");
        Files.writeString(policy, """
                policy twice {
                  selector 'app == "twice"'
                  waf {
                    crs paranoia 1
                    seclang include "/usr/share/modsecurity-crs/rules/REQUEST-913-SCANNER-DETECTION.conf"
                  }
                }
                """);
        List<String> errors = emitErrors(policy);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("P0660 this Core Rule Set file is loaded twice"), errors::toString);
    }
}
