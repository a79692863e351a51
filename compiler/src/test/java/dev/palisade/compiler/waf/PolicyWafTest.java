package dev.palisade.compiler.waf;

import static dev.palisade.compiler.waf.SecLangRuleSets.get;
import static dev.palisade.compiler.waf.SecLangRuleSets.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.parse.PolicyParser;
import dev.palisade.engine.waf.WafResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy's {@code waf} block, lowered and run: custom rules, exclusions, CRS tuning, SecLang. */
class PolicyWafTest {

    @TempDir
    Path directory;

    private WafInterpreter waf(String policyText) {
        Diagnostics diagnostics = new Diagnostics();
        PolicyFile file = PolicyParser.parse(new SourceFile(directory.resolve("www.pal").toString(), policyText),
                diagnostics).ast().orElseThrow();
        var lowered = LowerWafBlock.lower(file.policies().get(0).waf().orElseThrow(), directory, diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        return new WafInterpreter(lowered);
    }

    /**
     * A policy is Unicode text; a request is bytes. {@code "café"} in a rule or an exclusion means
     * its UTF-8 bytes, as in ALP paths, so it matches what a client sends ({@code caf%C3%A9}).
     */
    @Test
    void textBeyondAsciiInRulesAndExclusionsMatchesItsUtf8Bytes() {
        WafInterpreter waf = waf("""
                policy www {
                  selector 'app == "www"'
                  waf {
                    mode blocking
                    rule 1001 "the café argument" {
                      when ARGS:"café" @streq "crème brûlée"
                      deny 403
                    }
                    exclude rule 1001 on path exact "/menü"
                  }
                }
                """);
        assertEquals(OptionalInt.of(403), waf.inspect(get("/order?caf%C3%A9=cr%C3%A8me+br%C3%BBl%C3%A9e")).interruption());
        assertFalse(waf.inspect(get("/order?caf%C3%A9=cr%C3%A8me")).interrupted());
        assertFalse(waf.inspect(get("/men%C3%BC?caf%C3%A9=cr%C3%A8me+br%C3%BBl%C3%A9e")).interrupted(),
                "the exclusion's path is /men%C3%BC");
    }

    /** Inline SecLang is read as SecLang files are, bytes; a data file's name past ASCII still names its file. */
    @Test
    void inlineSeclangPastAsciiIsItsUtf8BytesAndNamesItsDataFile() throws Exception {
        java.nio.file.Files.writeString(directory.resolve("böts.data"), "crème\n");
        WafInterpreter waf = waf("""
                policy www {
                  selector 'app == "www"'
                  waf {
                    mode blocking
                    seclang '''
                SecRule ARGS:café "@streq brûlée" "id:5001,phase:2,deny,status:418,t:none"
                SecRule ARGS:dessert "@pmFromFile böts.data" "id:5002,phase:2,deny,status:419,t:none"
                '''
                  }
                }
                """);
        assertEquals(OptionalInt.of(418), waf.inspect(get("/?caf%C3%A9=br%C3%BBl%C3%A9e")).interruption());
        assertEquals(OptionalInt.of(419), waf.inspect(get("/?dessert=cr%C3%A8me")).interruption());
        assertFalse(waf.inspect(get("/?caf%C3%A9=cr%C3%A8me")).interrupted());
    }

    @Test
    void aCustomRuleDeniesWithItsStatusAndChainsItsWhenLines() {
        WafInterpreter waf = waf("""
                policy www {
                  selector 'app == "www"'
                  waf {
                    mode blocking
                    rule 1001 "admin from outside" {
                      phase request-headers
                      when REQUEST_FILENAME | lowercase @beginsWith "/admin"
                      when REQUEST_HEADERS:X-Internal @streq "no"
                      deny 404
                    }
                  }
                }
                """);
        WafResult denied = waf.inspect(get("/ADMIN/users", "X-Internal: no"));
        assertEquals(OptionalInt.of(404), denied.interruption());
        assertEquals("admin from outside", denied.matches().get(0).message());
        assertFalse(waf.inspect(get("/admin/users", "X-Internal: yes")).interrupted());
    }

    @Test
    void crsWithExclusionsScopedToAPathAndEverywhere() throws Exception {
        assumeTrue(CrsRuleSet.available(CrsRuleSet.Options.debian()), "skipped: Debian's modsecurity-crs is not installed");
        Files.writeString(directory.resolve("legacy.conf"),
                "SecRule ARGS:legacy \"@streq 1\" \"id:5001,phase:1,deny,status:410\"\n");
        WafInterpreter waf = waf("""
                policy www {
                  selector 'app == "www"'
                  waf {
                    mode blocking
                    crs paranoia 1 inbound-threshold 5
                    exclude rule 942100 for ARGS:password on path prefix "/login"
                    exclude rule 913100
                    seclang include "legacy.conf"
                  }
                }
                """);
        String sqli = "%27+or+5%3D5--+";
        assertTrue(waf.inspect(post("/login.php", "username=" + sqli, "User-Agent: x", "Accept: */*"))
                .firedIds().contains(942100L), "the prefix /login does not cover /login.php");
        assertFalse(waf.inspect(post("/login", "password=" + sqli, "User-Agent: x", "Accept: */*"))
                .firedIds().contains(942100L), "ARGS:password is excluded from 942100 under /login");
        assertTrue(waf.inspect(post("/login/form", "username=" + sqli, "User-Agent: x", "Accept: */*"))
                .firedIds().contains(942100L), "other arguments are still inspected");
        assertFalse(waf.inspect(get("/", "User-Agent: Nikto", "Accept: */*")).firedIds().contains(913100L));
        assertEquals(OptionalInt.of(410), waf.inspect(get("/?legacy=1", "User-Agent: x", "Accept: */*")).interruption());
    }
}
