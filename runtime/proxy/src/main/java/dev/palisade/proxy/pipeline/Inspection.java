package dev.palisade.proxy.pipeline;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.waf.WafResult;
import java.util.List;

/**
 * The outcome of {@link RequestInspection}: every verdict given, in order; the last one decides
 * when the request is denied.
 */
public record Inspection(List<Verdict> verdicts) {

    public Inspection {
        verdicts = List.copyOf(verdicts);
    }

    public boolean denied() {
        return !verdicts.isEmpty() && verdicts.get(verdicts.size() - 1).deny();
    }

    /** {@code "alp"} or {@code "waf"}: which inspector denied the request, or {@code null} when none did. */
    public String deniedBy() {
        return denied() ? verdicts.get(verdicts.size() - 1).inspector() : null;
    }

    public int status() {
        return denied() ? verdicts.get(verdicts.size() - 1).status() : 0;
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
            if (verdict.waf() != null) {
                results.add(verdict.waf());
            }
        }
        return results;
    }
}
