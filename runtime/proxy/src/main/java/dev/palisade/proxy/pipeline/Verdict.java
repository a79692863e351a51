package dev.palisade.proxy.pipeline;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafResult;
import java.util.List;

/**
 * What one {@link Inspector} says about a request in one phase.
 *
 * @param deny whether the request must be stopped here
 * @param status the status a denied request gets (0 when not denied)
 * @param inspector which inspector spoke ({@code "alp"}, later {@code "waf"}), for logs
 * @param decision the ALP decision behind the verdict, or {@code null} for other inspectors
 * @param waf what the WAF found (rules fired, in detection mode too), or {@code null} for other inspectors
 * @param wafExchanges the WAF transactions still open for the response phases (empty when none)
 */
public record Verdict(boolean deny, int status, String inspector, Decision decision, WafResult waf,
        List<WafExchange> wafExchanges) {

    public Verdict {
        wafExchanges = List.copyOf(wafExchanges);
    }

    public Verdict(boolean deny, int status, String inspector, Decision decision) {
        this(deny, status, inspector, decision, null, List.of());
    }

    public Verdict(boolean deny, int status, String inspector, Decision decision, WafResult waf) {
        this(deny, status, inspector, decision, waf, List.of());
    }

    /** Nothing to object to: go on with the next inspector or phase. */
    public static final Verdict CONTINUE = new Verdict(false, 0, null, null, null, List.of());
}
