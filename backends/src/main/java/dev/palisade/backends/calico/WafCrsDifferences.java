package dev.palisade.backends.calico;

import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;

/**
 * What of a {@code crs} line Calico cannot carry: its paranoia level is a WAFPolicy field and its
 * thresholds and limits are plugin SecActions ({@link WafPluginText}), but the rule files are the
 * ones Calico's WAF ships, not the copy the policy was checked against (Debian's CRS 3.3.4, or the
 * directory the line names). Rule ids, and so the policy's exclusions, may differ between the
 * two: a warning (P0623) at the crs line.
 */
final class WafCrsDifferences {
    private WafCrsDifferences() {}

    /** @param at the crs line (else the waf block, else the policy) */
    static void report(PolicyWaf waf, Span at, Diagnostics diagnostics) {
        if (waf.crs().isEmpty()) {
            return;
        }
        CrsRuleSet.Options crs = waf.crs().get();
        String checkedAgainst = crs.version() >= 4 ? "the CRS v4 release at `" + crs.rules().getParent() + "`"
                : crs.rules().equals(CrsRuleSet.DEBIAN_RULES) ? "Debian's CRS 3.3.4"
                : "the CRS 3 rules at `" + crs.rules() + "`";
        diagnostics.warning(DiagnosticCode.WAF_CRS_SETTING, at, "Calico's WAF runs the Core"
                + " Rule Set it ships, not " + checkedAgainst + " this policy was checked against; the paranoia"
                + " level, thresholds and limits carry over, the rule files do not",
                "check that the rules this policy tunes or excludes exist in Calico's Core Rule Set");
    }
}
