package dev.palisade.compiler.waf;

import static dev.palisade.compiler.waf.SecLangRuleSets.get;
import static dev.palisade.compiler.waf.SecLangRuleSets.lower;
import static dev.palisade.compiler.waf.SecLangRuleSets.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** ModSecurity's rule semantics, one behaviour a test, on small hand-written rule sets. */
class WafInterpreterTest {

    private static WafResult run(EngineMode mode, String seclang, WafRequest request) {
        return new WafInterpreter(lower(mode, seclang)).inspect(request);
    }

    @Test
    void aDenyingRuleInterruptsWithItsStatusAndLogsWhatMatched() {
        WafResult result = run(EngineMode.ON, """
                SecRule ARGS:q "@contains evil" "id:1,phase:1,deny,status:406,msg:'evil in %{MATCHED_VAR_NAME}',logdata:'%{MATCHED_VAR}'"
                SecRule ARGS "@unconditionalMatch" "id:2,phase:2,pass,log"
                """, get("/?q=very+evil"));
        assertEquals(OptionalInt.of(406), result.interruption());
        assertEquals(List.of(1L), result.firedIds(), "phase 2 never runs after the interruption");
        assertEquals("evil in ARGS:q", result.matches().get(0).message());
        assertEquals("very evil", result.matches().get(0).data(), "arguments are URL-decoded");
    }

    @Test
    void detectionOnlyLogsButNeverInterrupts() {
        WafResult result = run(EngineMode.DETECTION_ONLY, """
                SecRule ARGS "@contains evil" "id:1,phase:1,deny"
                SecRule ARGS "@contains evil" "id:2,phase:2,deny"
                """, get("/?q=evil"));
        assertFalse(result.interrupted());
        assertEquals(List.of(1L, 2L), result.firedIds());
        assertFalse(result.matches().get(0).disruptive());
    }

    @Test
    void aChainMatchesOnlyWhenEveryLinkMatchesAndLogsTheHead() {
        String rules = """
                SecRule REQUEST_METHOD "@streq POST" "id:10,phase:2,deny,msg:'post with x',chain"
                    SecRule ARGS:x "@rx ^1$" "t:none"
                """;
        assertEquals(List.of(10L), run(EngineMode.ON, rules, post("/", "x=1")).firedIds());
        assertEquals(List.of(), run(EngineMode.ON, rules, post("/", "x=2")).firedIds());
        assertEquals(List.of(), run(EngineMode.ON, rules, get("/?x=1")).firedIds());
    }

    @Test
    void setvarAddsUpScoresAndMacrosReadThem() {
        WafResult result = run(EngineMode.ON, """
                SecAction "id:1,phase:1,pass,nolog,setvar:tx.score=0,setvar:tx.limit=5"
                SecRule ARGS "@rx attack" "id:2,phase:1,pass,nolog,setvar:'tx.score=+%{tx.critical}',setvar:tx.critical=3"
                SecRule TX:SCORE "@ge %{tx.limit}" "id:3,phase:2,deny,msg:'score %{tx.score}'"
                """, get("/?a=attack&b=attack&c=attack"));
        // The first match adds an unset tx.critical (0), the next two add 3 each: per-match actions, as in ModSecurity v2.
        assertEquals(List.of(3L), result.firedIds());
        assertEquals("score 6", result.matches().get(0).message());
    }

    @Test
    void skipAfterJumpsToTheMarkerInTheSamePhase() {
        WafResult result = run(EngineMode.ON, """
                SecRule REQUEST_URI "@beginsWith /static" "id:1,phase:1,pass,nolog,skipAfter:END-CHECKS"
                SecRule REQUEST_URI "@contains ." "id:2,phase:1,pass,log"
                SecMarker END-CHECKS
                SecRule REQUEST_URI "@contains ." "id:3,phase:1,pass,log"
                """, get("/static/app.js"));
        assertEquals(List.of(3L), result.firedIds());
    }

    @Test
    void captureFillsTxZeroToNine() {
        WafResult result = run(EngineMode.ON, """
                SecRule ARGS:v "@rx ^(\\d+)-(\\d+)$" "id:1,phase:1,pass,log,capture,msg:'%{TX.2} after %{tx.1}'"
                """, get("/?v=12-34"));
        assertEquals("34 after 12", result.matches().get(0).message());
    }

    @Test
    void negatedOperatorsMatchWhatTheOperatorRejectsButNeverAMissingTarget() {
        String rules = """
                SecRule REQUEST_HEADERS:X-Token "!@rx ^[a-f0-9]+$" "id:1,phase:1,deny"
                """;
        assertTrue(run(EngineMode.ON, rules, get("/", "X-Token: zz")).interrupted());
        assertFalse(run(EngineMode.ON, rules, get("/", "X-Token: abc123")).interrupted());
        assertFalse(run(EngineMode.ON, rules, get("/")).interrupted(), "no header, nothing to inspect");
    }

    @Test
    void countingAndExcludedTargets() {
        String rules = """
                SecRule &ARGS "@gt 2" "id:1,phase:1,pass,log"
                SecRule ARGS|!ARGS:password "@contains '" "id:2,phase:1,pass,log"
                """;
        assertEquals(List.of(1L), run(EngineMode.ON, rules, get("/?a=1&b=2&password=x'y")).firedIds());
        assertEquals(List.of(2L), run(EngineMode.ON, rules, get("/?a=x'y")).firedIds());
    }

    @Test
    void ctlRemovesRulesAndTargetsForTheRestOfTheTransaction() {
        String rules = """
                SecRule REQUEST_FILENAME "@beginsWith /login" "id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetById=3;ARGS:password,ctl:ruleRemoveById=4"
                SecRule REQUEST_FILENAME "@unconditionalMatch" "id:2,phase:1,pass,nolog"
                SecRule ARGS "@contains '" "id:3,phase:2,pass,log"
                SecRule ARGS "@contains '" "id:4,phase:2,pass,log"
                """;
        assertEquals(List.of(), run(EngineMode.ON, rules, post("/login", "password=a'b")).firedIds());
        assertEquals(List.of(3L), run(EngineMode.ON, rules, post("/login", "user=a'b")).firedIds());
        assertEquals(List.of(3L, 4L), run(EngineMode.ON, rules, post("/other", "password=a'b")).firedIds());
    }

    @Test
    void ctlTagRemovalsAreRegularExpressionsOverTheRulesTags() {
        String rules = """
                SecAction "id:1,phase:1,pass,nolog,ctl:ruleRemoveByTag=^attack-sql"
                SecRule ARGS "@contains '" "id:2,phase:2,pass,log,tag:'attack-sqli'"
                SecRule ARGS "@contains '" "id:3,phase:2,pass,log,tag:'attack-xss'"
                """;
        assertEquals(List.of(3L), run(EngineMode.ON, rules, get("/?a=x'y")).firedIds());
    }

    @Test
    void transformationsRunInOrderAndMultiMatchSeesEveryStep() {
        String rules = """
                SecRule ARGS "@streq <script>" "id:1,phase:1,pass,log,t:urlDecode,t:lowercase"
                SecRule ARGS "@streq %3Cscript%3E" "id:2,phase:1,pass,log,t:urlDecode,multiMatch"
                """;
        // The argument value is %3CSCRIPT%3E after the parser's own decoding of %253C…
        assertEquals(List.of(1L), run(EngineMode.ON, rules, get("/?a=%253CSCRIPT%253E")).firedIds());
        assertEquals(List.of(2L), run(EngineMode.ON, rules, get("/?a=%253Cscript%253E")).firedIds().subList(1, 2));
    }

    @Test
    void blockTakesTheDisruptiveActionOfSecDefaultAction() {
        String rules = """
                SecDefaultAction "phase:2,log,deny,status:418"
                SecRule ARGS "@contains x" "id:1,phase:2,block"
                """;
        assertEquals(OptionalInt.of(418), run(EngineMode.ON, rules, get("/?a=x")).interruption());
    }

    @Test
    void ruleRemovalAndTargetUpdatesApplyToEarlierRules() {
        String rules = """
                SecRule ARGS "@contains x" "id:1,phase:1,pass,log"
                SecRule ARGS "@contains x" "id:2,phase:1,pass,log"
                SecRuleRemoveById 1
                SecRuleUpdateTargetById 2 "!ARGS:safe"
                """;
        assertEquals(List.of(), run(EngineMode.ON, rules, get("/?safe=x")).firedIds());
        assertEquals(List.of(2L), run(EngineMode.ON, rules, get("/?other=x")).firedIds());
    }

    @Test
    void aRuleWithAnUnsupportedOperatorIsReportedSkippedNotPassed() {
        WafResult result = run(EngineMode.ON, """
                SecRule REMOTE_ADDR "@rbl sbl-xbl.spamhaus.org" "id:1,phase:1,deny"
                """, get("/"));
        assertEquals(List.of(1L), result.skipped());
        assertFalse(result.interrupted());
    }
}
