package dev.palisade.proxy.pipeline;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.waf.WafExchange;
import dev.palisade.engine.waf.WafResult;
import java.util.List;

/**
 * The outcome of {@link RequestInspection}: every verdict given, in order; the last one decides
 * when the request is denied. The WAF's transactions stay open for the response phases: once a
 * response phase interrupted one, the exchange counts as denied by the WAF with its status.
 */
public record Inspection(List<Verdict> verdicts) {

    public Inspection {
        verdicts = List.copyOf(verdicts);
    }

    public boolean denied() {
        return requestDenied() || responseInterruption().isPresent();
    }

    /** Whether an inspector stopped the request before it reached the upstream. */
    public boolean requestDenied() {
        return !verdicts.isEmpty() && verdicts.get(verdicts.size() - 1).deny();
    }

    /** {@code "alp"} or {@code "waf"}: which inspector denied the exchange, or {@code null} when none did. */
    public String deniedBy() {
        if (requestDenied()) {
            return verdicts.get(verdicts.size() - 1).inspector();
        }
        return responseInterruption().isPresent() ? "waf" : null;
    }

    public int status() {
        if (requestDenied()) {
            return verdicts.get(verdicts.size() - 1).status();
        }
        return responseInterruption().orElse(0);
    }

    /** The status a WAF's response phases interrupted with, if one did. */
    public java.util.OptionalInt responseInterruption() {
        for (WafExchange exchange : wafExchanges()) {
            if (exchange.result().interrupted()) {
                return exchange.result().interruption();
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** The WAF transactions still open for the response phases, in policy order. */
    public List<WafExchange> wafExchanges() {
        List<WafExchange> exchanges = new java.util.ArrayList<>();
        for (Verdict verdict : verdicts) {
            exchanges.addAll(verdict.wafExchanges());
        }
        return exchanges;
    }

    /** The ALP decision, for logs, or {@code null} when ALP did not run. */
    public Decision alpDecision() {
        for (Verdict verdict : verdicts) {
            if (verdict.decision() != null) {
                return verdict.decision();
            }
        }
        return null;
    }

    /** {@code 942100,949110}: every WAF rule that fired, for the opt-in debug header. */
    public String wafRuleIds() {
        StringBuilder ids = new StringBuilder();
        for (WafResult result : wafResults()) {
            for (long id : result.firedIds()) {
                ids.append(ids.length() == 0 ? "" : ",").append(id);
            }
        }
        return ids.toString();
    }

    /** What each WAF that ran found, in order (empty when no WAF ran). */
    public List<WafResult> wafResults() {
        List<WafResult> results = new java.util.ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (!verdict.wafExchanges().isEmpty()) {
                verdict.wafExchanges().forEach(exchange -> results.add(exchange.result()));
            } else if (verdict.waf() != null) {
                results.add(verdict.waf());
            }
        }
        return results;
    }
}
