package dev.palisade.compiler.waf;

import static dev.palisade.compiler.waf.SecLangRuleSets.get;
import static dev.palisade.compiler.waf.SecLangRuleSets.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafResult;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debian's CRS 3.3.4 (package {@code modsecurity-crs}), loaded and run by the interpreter. */
class CrsRuleSetTest {

    private static WafInterpreter blocking;
    private static WafInterpreter detecting;

    @BeforeAll
    static void load() {
        assumeTrue(CrsRuleSet.available(CrsRuleSet.Options.debian()),
                "skipped: the OWASP CRS is not installed (Debian package modsecurity-crs, /usr/share/modsecurity-crs)");
        Diagnostics diagnostics = new Diagnostics();
        IrWaf waf = CrsRuleSet.load(CrsRuleSet.Options.debian(), diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        blocking = new WafInterpreter(waf);
        detecting = new WafInterpreter(CrsRuleSet.load(new CrsRuleSet.Options(CrsRuleSet.DEBIAN_SETUP,
                CrsRuleSet.DEBIAN_RULES, 1, 5, 4, EngineMode.DETECTION_ONLY, List.of()), new Diagnostics()));
    }

    @Test
    void aBrowserLikeGetPassesWithoutAMatch() {
        WafResult result = blocking.inspect(get("/search?q=blue+shoes&page=2&sort=price",
                "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language: en-US,en;q=0.5", "Accept-Encoding: gzip, deflate, br"));
        assertFalse(result.interrupted());
        assertEquals(List.of(), result.firedIds());
    }

    @Test
    void theSeedsLoginBypassIsBlockedBySqlInjectionRulesAndTheAnomalyScore() {
        WafResult result = blocking.inspect(post("/login.php", "username=%27+or+5%3D5--+&password=x",
                "User-Agent: Mozilla/5.0", "Accept: */*"));
        assertEquals(OptionalInt.of(403), result.interruption());
        assertTrue(result.firedIds().contains(942100L), "libinjection sees the SQL injection: " + result.firedIds());
        assertEquals(949110L, result.firedIds().get(result.firedIds().size() - 1), "the blocking evaluation decides");
    }

    @Test
    void detectionModeLogsTheSameRulesAndLetsTheRequestThrough() {
        WafResult result = detecting.inspect(post("/login.php", "username=%27+or+5%3D5--+&password=x",
                "User-Agent: Mozilla/5.0", "Accept: */*"));
        assertFalse(result.interrupted());
        assertTrue(result.firedIds().containsAll(List.of(942100L, 949110L)), result.firedIds().toString());
    }

    @Test
    void scannerUserAgentsAndPathTraversalAreDetected() {
        assertTrue(detecting.inspect(get("/", "User-Agent: Nikto", "Accept: */*")).firedIds().contains(913100L));
        assertTrue(detecting.inspect(get("/?file=../../../../etc/passwd", "User-Agent: Mozilla/5.0", "Accept: */*"))
                .firedIds().contains(930120L));
    }

    @Test
    void onlyTheIpReputationAndGeoRulesAreSkippedAndOnlyWhenReached() {
        // @rbl and @geoLookup need network services; CRS reaches them only when configured to.
        WafResult result = blocking.inspect(get("/", "User-Agent: Mozilla/5.0", "Accept: */*"));
        assertEquals(List.of(), result.skipped());
    }
}
