package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.waf.RuleMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLogTest {

    @Test
    void aMatchReadsLikeModSecuritysErrorLogLine() {
        RuleMatch match = new RuleMatch(942100, 2, "SQL Injection Attack Detected via libinjection",
                "Matched Data: s&1 found within ARGS:q: \"x\\\u0001\u00ff", "CRITICAL",
                List.of("attack-sqli", "OWASP_CRS"), false);
        assertEquals("ModSecurity: Warning. [id \"942100\"] [msg \"SQL Injection Attack Detected via libinjection\"]"
                + " [data \"Matched Data: s&1 found within ARGS:q: \\\"x\\\\\\x01\\xff\"] [severity \"CRITICAL\"]"
                + " [tag \"attack-sqli\"] [tag \"OWASP_CRS\"]", ErrorLog.line(match));
    }

    @Test
    void emptyDataAndSeverityAreLeftOutAndIdsAloneRenderToo() {
        RuleMatch match = new RuleMatch(949110, 2, "Inbound Anomaly Score Exceeded", "", "", List.of(), true);
        assertEquals("ModSecurity: Access denied (phase 2). [id \"949110\"] [msg \"Inbound Anomaly Score Exceeded\"]",
                ErrorLog.line(match));
        assertEquals("ModSecurity: Warning. [id \"1\"]\nModSecurity: Warning. [id \"2\"]",
                ErrorLog.renderIds(List.of(2L, 1L)));
    }
}
