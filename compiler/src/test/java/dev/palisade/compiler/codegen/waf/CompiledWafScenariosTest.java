package dev.palisade.compiler.codegen.waf;

import static dev.palisade.compiler.codegen.waf.WafRuleSets.get;
import static dev.palisade.compiler.codegen.waf.WafRuleSets.lower;
import static dev.palisade.compiler.codegen.waf.WafRuleSets.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.codegen.waf.WafRuleSets.Pair;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafResult;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Small SecLang rule sets, one feature each: the compiled engine must give the interpreter's
 * verdict ({@link Pair#inspect} compares whole {@link WafResult}s: interruption, every match with
 * its expanded message and data, skipped rules). The expected ids make sure each scenario really
 * exercises its feature.
 */
class CompiledWafScenariosTest {

    private static Pair rules(String seclang) {
        return Pair.of(lower(seclang, EngineMode.ON));
    }

    @Test
    void chainMatchesOnlyWhenEveryLinkDoes() {
        Pair waf = rules("""
                SecRule ARGS "@contains attack" "id:1,phase:2,deny,status:403,log,msg:'attack by %{REQUEST_METHOD}',chain"
                    SecRule REQUEST_METHOD "@streq POST" "chain"
                        SecRule REQUEST_HEADERS:User-Agent "@rx ^curl" "t:lowercase"
                """);
        assertEquals(List.of(), waf.inspect(get("/?a=attack", "User-Agent", "curl/8")).firedIds());
        WafResult blocked = waf.inspect(post("/", "application/x-www-form-urlencoded", "a=attack", "User-Agent", "CURL/8"));
        assertEquals(OptionalInt.of(403), blocked.interruption());
        assertEquals("attack by POST", blocked.matches().get(0).message());
        assertFalse(waf.inspect(post("/", "application/x-www-form-urlencoded", "a=attack", "User-Agent", "wget")).interrupted());
    }

    @Test
    void skipAfterJumpsToTheMarkerAndSkipOverRules() {
        Pair waf = rules("""
                SecRule ARGS:jump "@eq 1" "id:10,phase:1,pass,nolog,skipAfter:END"
                SecRule ARGS:skip "@eq 1" "id:11,phase:1,pass,log,skip:2"
                SecAction "id:12,phase:1,pass,log"
                SecRule ARGS "@unconditionalMatch" "id:13,phase:1,pass,log"
                SecAction "id:14,phase:1,pass,log"
                SecMarker END
                SecAction "id:15,phase:1,pass,log"
                SecRule ARGS:missing "@eq 1" "id:16,phase:1,pass,nolog,skipAfter:NOWHERE"
                SecAction "id:17,phase:2,pass,log,skipAfter:END"
                SecAction "id:18,phase:2,pass,log"
                """);
        assertEquals(List.of(15L, 17L), waf.inspect(get("/?jump=1")).firedIds());
        assertEquals(List.of(11L, 14L, 15L, 17L), waf.inspect(get("/?skip=1")).firedIds());
        assertEquals(List.of(12L, 13L, 14L, 15L, 17L), waf.inspect(get("/?x=1")).firedIds());
    }

    @Test
    void multiMatchSeesEveryValueATransformationChanged() {
        Pair waf = rules("""
                SecRule ARGS "@rx ^(?:%41|a|A)$" "id:20,phase:2,pass,log,multiMatch,t:urlDecode,t:lowercase,\
                setvar:tx.hits=+1,logdata:'%{MATCHED_VAR}'"
                SecAction "id:21,phase:2,pass,log,msg:'hits %{tx.hits}'"
                """);
        // ARGS are decoded once already. q: %41 yes, A yes, a yes; r: A yes, (urlDecode: unchanged), a yes
        WafResult result = waf.inspect(get("/?q=%2541&r=A"));
        assertEquals(List.of(20L, 21L), result.firedIds());
        assertEquals("hits 5", result.matches().get(1).message());
        // q: A yes, (unchanged), a yes; r: the same
        assertEquals("hits 4", waf.inspect(get("/?q=%41&r=A")).matches().get(1).message());
    }

    @Test
    void captureFillsTxZeroForMacros() {
        Pair waf = rules("""
                SecRule ARGS "@rx (a+)(b)" "id:30,phase:2,pass,log,capture,msg:'got %{TX.1}',logdata:'%{TX.0} in %{MATCHED_VAR_NAME}',\
                chain"
                    SecRule TX:1 "@rx ^aa" "t:none"
                SecRule TX:0 "@streq aab" "id:31,phase:2,pass,log,msg:'still %{tx.0}'"
                """);
        WafResult result = waf.inspect(get("/?x=zzaab"));
        assertEquals(List.of(30L, 31L), result.firedIds());
        assertEquals(new RuleMatch(30, 2, "got aa", "aab in TX:1", "", List.of(), false), result.matches().get(0));
        assertEquals(List.of(), waf.inspect(get("/?x=ab")).firedIds());
    }

    @Test
    void negationCountingAndExclusions() {
        Pair waf = rules("""
                SecRule REQUEST_METHOD "!@streq GET" "id:40,phase:1,pass,log"
                SecRule &ARGS "@gt 2" "id:41,phase:1,pass,log,msg:'%{MATCHED_VAR} args'"
                SecRule ARGS|!ARGS:password "@contains '" "id:42,phase:2,pass,log,logdata:'%{MATCHED_VAR_NAME}'"
                SecRule &REQUEST_HEADERS:X-Missing "@eq 0" "id:43,phase:1,pass,log"
                SecRule ARGS:/^pass/ "!@rx ^[a-z]+$" "id:44,phase:2,pass,log,logdata:'%{MATCHED_VAR_NAME}'"
                """);
        WafResult result = waf.inspect(get("/?password=it's&b=c&c=x'y"));
        assertEquals(List.of(41L, 43L, 42L, 44L), result.firedIds());
        assertEquals("3 args", result.matches().get(0).message());
        assertEquals("ARGS:c", result.matches().get(2).data());
        assertEquals(List.of(40L, 43L), waf.inspect(post("/", "text/plain", "x", "X", "y")).firedIds());
    }

    @Test
    void ctlRemovesRulesAndTargetsForTheRestOfTheTransaction() {
        Pair waf = rules("""
                SecRule REQUEST_FILENAME "@beginsWith /login" "id:50,phase:1,pass,nolog,ctl:ruleRemoveById=52,\
                ctl:ruleRemoveTargetById=53;ARGS:password,ctl:ruleRemoveByTag=noisy"
                SecRule REQUEST_FILENAME "@beginsWith /quiet" "id:51,phase:1,pass,nolog,ctl:ruleRemoveById=52-60"
                SecRule ARGS "@contains '" "id:52,phase:2,pass,log"
                SecRule ARGS "@contains '" "id:53,phase:2,pass,log,logdata:'%{MATCHED_VAR_NAME}'"
                SecRule ARGS "@contains '" "id:54,phase:2,pass,log,tag:'noisy'"
                SecRule ARGS "@contains '" "id:55,phase:2,deny,log,status:403"
                """);
        assertEquals(List.of(52L, 53L, 54L, 55L), waf.inspect(get("/a?password='")).firedIds());
        assertEquals(List.of(55L), waf.inspect(get("/login?password='")).firedIds());
        assertEquals(List.of(53L, 55L), waf.inspect(get("/login?password='&user='")).firedIds());
        assertEquals(List.of(), waf.inspect(get("/quiet?password='")).firedIds());
    }

    @Test
    void setvarArithmeticAndAnomalyScoring() {
        Pair waf = rules("""
                SecAction "id:60,phase:1,pass,nolog,setvar:tx.score=0,setvar:tx.limit=5"
                SecRule ARGS "@rx evil" "id:61,phase:2,pass,log,setvar:tx.score=+%{tx.limit},setvar:tx.last=%{MATCHED_VAR}"
                SecRule ARGS "@rx good" "id:62,phase:2,pass,log,setvar:tx.score=-2,setvar:!tx.last"
                SecRule TX:score "@ge 8" "id:63,phase:2,deny,status:403,log,msg:'score %{tx.score}',logdata:'last %{tx.last}'"
                """);
        WafResult result = waf.inspect(get("/?a=evil&b=evil&c=good"));
        assertEquals(List.of(61L, 62L, 63L), result.firedIds());
        assertEquals("score 8", result.matches().get(2).message());
        assertEquals("last ", result.matches().get(2).data());
        assertTrue(result.matches().get(2).disruptive());
        assertFalse(waf.inspect(get("/?a=evil&c=good")).interrupted());
    }

    @Test
    void detectionOnlyLogsWithoutInterrupting() {
        String seclang = """
                SecRule ARGS "@contains attack" "id:70,phase:1,deny,status:403,log"
                SecRule ARGS "@contains attack" "id:71,phase:2,block,log"
                SecRule ARGS "@contains later" "id:72,phase:2,allow,log"
                SecRule ARGS "@contains later" "id:73,phase:2,deny,log"
                """;
        Pair blocking = Pair.of(lower(seclang, EngineMode.ON));
        Pair detection = Pair.of(lower(seclang, EngineMode.DETECTION_ONLY));
        WafResult blocked = blocking.inspect(get("/?a=attack"));
        assertEquals(List.of(70L), blocked.firedIds());
        assertTrue(blocked.matches().get(0).disruptive());
        WafResult detected = detection.inspect(get("/?a=attack"));
        assertEquals(List.of(70L, 71L), detected.firedIds());
        assertFalse(detected.interrupted());
        assertFalse(detected.matches().get(0).disruptive());
        assertEquals(List.of(72L), blocking.inspect(get("/?a=later")).firedIds());
        assertEquals(List.of(72L, 73L), detection.inspect(get("/?a=later")).firedIds());
    }

    @Test
    void ruleEngineOffStopsTheTransaction() {
        Pair waf = rules("""
                SecRule ARGS:off "@eq 1" "id:80,phase:1,pass,log,ctl:ruleEngine=Off"
                SecRule ARGS:half "@eq 1" "id:81,phase:1,pass,nolog,ctl:ruleEngine=Off,chain"
                    SecRule ARGS:never "@eq 1"
                SecAction "id:82,phase:1,pass,log"
                SecAction "id:83,phase:2,deny,log"
                """);
        assertEquals(List.of(80L), waf.inspect(get("/?off=1")).firedIds());
        assertEquals(List.of(), waf.inspect(get("/?half=1")).firedIds());
        assertEquals(List.of(82L, 83L), waf.inspect(get("/")).firedIds());
    }

    @Test
    void unsupportedOperatorIsReportedAsSkipped() {
        Pair waf = rules("""
                SecRule REMOTE_ADDR "@rbl sbl-xbl.spamhaus.org" "id:90,phase:1,deny,log"
                SecRule ARGS "@contains x" "id:91,phase:1,pass,log,chain"
                    SecRule REMOTE_ADDR "@rbl sbl-xbl.spamhaus.org"
                SecAction "id:92,phase:1,pass,log"
                """);
        WafResult result = waf.inspect(get("/?a=x"));
        assertEquals(List.of(90L, 91L), result.skipped());
        assertEquals(List.of(92L), result.firedIds());
        assertEquals(List.of(90L), waf.inspect(get("/")).skipped());
    }

    @Test
    void messagesAndPatternsThatWouldBreakAJavaCommentStillCompile() {
        Pair waf = rules("""
                SecRule ARGS "@contains */" "id:95,phase:1,pass,log,msg:'end */ here, \\u12 not an escape, caf\u00e9'"
                SecRule ARGS:b "@streq \\u12x" "id:96,phase:1,pass,log"
                """);
        WafResult result = waf.inspect(get("/?a=x*/y&b=%5Cu12x"));
        assertEquals(List.of(95L, 96L), result.firedIds());
        assertEquals("end */ here, \\u12 not an escape, caf\u00e9", result.matches().get(0).message());
    }

    @Test
    void unnamedAndRepeatedIdsGetTheirOwnMethods() {
        String source = WafLoader.source(lower("""
                SecAction "id:1,phase:1,pass,nolog,setvar:tx.a=1"
                SecAction "id:1,phase:1,pass,nolog,setvar:tx.a=2"
                """, EngineMode.ON));
        assertTrue(source.contains("private boolean rule1(Transaction tx)"), source);
        assertTrue(source.contains("private boolean rule1Again2(Transaction tx)"), source);
        assertTrue(source.contains("/**\n   * test.conf:1  1\n   */"), source);
    }
}
