package dev.palisade.compiler.waf;

import static dev.palisade.compiler.waf.SecLangRuleSets.get;
import static dev.palisade.compiler.waf.SecLangRuleSets.lower;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResponse;
import dev.palisade.engine.waf.WafResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Phases 3 to 5: response headers, the response body (behind the type list and limit), logging. */
class ResponsePhasesTest {

    private static WafResponse response(int status, String contentType, String body) {
        return new WafResponse(status, "HTTP/1.1", List.of(new WafRequest.Header("Content-Type", contentType)),
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static final String RULES = """
            SecResponseBodyAccess On
            SecResponseBodyMimeType text/html
            SecResponseBodyLimit 64
            SecRule RESPONSE_STATUS "@streq 500" "id:1,phase:3,pass,log,msg:'server error'"
            SecRule RESPONSE_BODY "@contains secret" "id:2,phase:4,deny,status:502,msg:'leak'"
            SecAction "id:3,phase:5,pass,log,msg:'logged'"
            """;

    @Test
    void aLeakInAnInspectedBodyInterruptsAndPhaseFiveStillRuns() {
        WafInterpreter waf = new WafInterpreter(lower(EngineMode.ON, RULES));
        WafExchange exchange = WafExchange.begin(waf, get("/"));
        assertFalse(exchange.requestResult().interrupted());
        WafResult result = exchange.respond(response(500, "text/html; charset=utf-8", "<p>the secret is 42</p>"));
        assertEquals(OptionalInt.of(502), result.interruption());
        assertEquals(List.of(1L, 2L, 3L), result.firedIds());
    }

    @Test
    void bodiesOfOtherTypesAndBytesPastTheLimitAreNotInspected() {
        WafInterpreter waf = new WafInterpreter(lower(EngineMode.ON, RULES));
        assertFalse(WafExchange.begin(waf, get("/")).respond(response(200, "application/json", "secret")).interrupted());
        String late = "x".repeat(64) + "secret";
        assertFalse(WafExchange.begin(waf, get("/")).respond(response(200, "text/html", late)).interrupted());
    }

    @Test
    void anInterruptedRequestSkipsPhasesThreeAndFourButIsStillLogged() {
        WafInterpreter waf = new WafInterpreter(lower(EngineMode.ON, RULES + """
                SecRule ARGS "@contains x" "id:4,phase:1,deny"
                """));
        WafExchange exchange = WafExchange.begin(waf, get("/?a=x"));
        assertTrue(exchange.requestResult().interrupted());
        WafResult result = exchange.respond(response(500, "text/html", "secret"));
        assertEquals(List.of(4L, 3L), result.firedIds());
        assertEquals(OptionalInt.of(403), result.interruption(), "phase 5 cannot change the answer");
    }

    @Test
    void crsBlocksAnSqlErrorLeakingFromTheUpstream() {
        assumeTrue(CrsRuleSet.available(CrsRuleSet.Options.debian()), "skipped: Debian's modsecurity-crs is not installed");
        WafInterpreter crs = new WafInterpreter(CrsRuleSet.load(CrsRuleSet.Options.debian(), new Diagnostics()));
        WafExchange exchange = WafExchange.begin(crs, get("/products?id=7", "User-Agent: Mozilla/5.0", "Accept: */*"));
        assertFalse(exchange.requestResult().interrupted());
        WafResult result = exchange.respond(response(500, "text/html",
                "<b>Warning</b>: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version"));
        assertTrue(result.firedIds().contains(951230L), result.firedIds().toString());
        assertTrue(result.firedIds().contains(959100L), "the outbound anomaly score blocks: " + result.firedIds());
        assertTrue(result.interrupted());
    }
}
