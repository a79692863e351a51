package dev.palisade.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.parse.PolicyParser;
import dev.palisade.engine.decision.Action;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What decided a request, against what the expectation says decided. */
class ExpectationsTest {
    private static final Decision WWW_RULE_2 = new Decision(Action.ALLOW, 0, Reason.RULE, "www", "default", 1, "www.pal:7:9",
            "allow POST path exact \"/login.php\"");
    private static final Decision GUARD_RULE_1 = new Decision(Action.DENY, 403, Reason.RULE, "guard", "platform", 0, "g.pal:5:9",
            "deny path prefix \"/debug\"");
    private static final Decision TIER_DEFAULT = new Decision(Action.DENY, 403, Reason.TIER_DEFAULT, null, "default", -1, null,
            "default of tier default");
    private static final Decision END_OF_TIERS = new Decision(Action.DENY, 403, Reason.END_OF_TIERS, null, null, -1, null,
            "end of all tiers");

    private static TestDecl.Expectation expectation(String written) {
        String source = "test www {\n GET \"/\" -> " + written + "\n}\n";
        Diagnostics diagnostics = new Diagnostics();
        PolicyParser.Parsed parsed = PolicyParser.parse("t.pal", source.getBytes(StandardCharsets.UTF_8), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return parsed.ast().orElseThrow().tests().get(0).cases().get(0).expected();
    }

    private static Optional<String> unmet(String written, Decision alp) {
        return Expectations.unmet(expectation(written), new RequestDecider.Outcome(alp, Optional.empty()));
    }

    @Test
    void aRuleDecidesWhenPolicyAndNumberAgree() {
        assertEquals(Optional.empty(), unmet("allow by policy www rule 2", WWW_RULE_2));
        assertEquals(Optional.empty(), unmet("deny 403 by policy guard rule 1", GUARD_RULE_1));
        assertEquals(Optional.of("expected allow by policy www rule 1, got " + WWW_RULE_2.summary()),
                unmet("allow by policy www rule 1", WWW_RULE_2));
        assertTrue(unmet("deny by policy www rule 1", GUARD_RULE_1).isPresent(), "another policy's rule 1");
        assertTrue(unmet("deny by policy guard rule 1", TIER_DEFAULT).isPresent(), "a default is no rule");
    }

    @Test
    void defaultsAreToldApart() {
        assertEquals(Optional.empty(), unmet("deny by default of tier default", TIER_DEFAULT));
        assertEquals(Optional.of("expected deny by default of tier platform, got deny 403 by default of tier default"),
                unmet("deny by default of tier platform", TIER_DEFAULT));
        assertEquals(Optional.empty(), unmet("deny by default", TIER_DEFAULT));
        assertEquals(Optional.empty(), unmet("deny by default", END_OF_TIERS));
        assertEquals(Optional.empty(), unmet("deny at the end of all tiers", END_OF_TIERS));
        assertTrue(unmet("deny at the end of all tiers", TIER_DEFAULT).isPresent());
        assertTrue(unmet("deny by default of tier default", END_OF_TIERS).isPresent());
        assertTrue(unmet("deny by default", GUARD_RULE_1).isPresent(), "a rule is no default");
    }

    @Test
    void aWafDenialIsNoAlpDeciderOfADeny() {
        WafResult blocked = new WafResult(OptionalInt.of(403),
                List.of(new RuleMatch(942100, 2, "SQL Injection Attack Detected via libinjection", "", "CRITICAL", List.of(), false)),
                List.of());
        RequestDecider.Outcome outcome = new RequestDecider.Outcome(WWW_RULE_2, Optional.of(blocked));
        assertEquals(Optional.of("expected deny by policy www rule 2, got " + outcome.summary()),
                Expectations.unmet(expectation("deny by policy www rule 2"), outcome));
        assertEquals(Optional.empty(), Expectations.unmet(expectation("deny 403 rule 942100"), outcome));
    }
}
