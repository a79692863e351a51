package dev.palisade.backends.calico;

import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.util.Set;
import java.util.TreeSet;

/** What Calico's schema or its endpoints impose on a policy beyond what Palisade checks. */
final class CalicoLimits {
    /** {@code maxLength} of every selector field. */
    static final int MAX_SELECTOR_LENGTH = 1024;
    /** {@code maxItems} of {@code spec.ingress}. */
    static final int MAX_RULES = 1024;
    /**
     * Calico labels every workload endpoint with {@code projectcalico.org/namespace},
     * {@code projectcalico.org/orchestrator} and {@code projectcalico.org/serviceaccount}, which a
     * Palisade workload (the pod's own labels) does not have.
     */
    static final String CALICO_LABEL_PREFIX = "projectcalico.org/";

    private CalicoLimits() {}

    static void checkSelector(IrPolicy policy, Diagnostics diagnostics) {
        String text = policy.selector().text();
        checkSelectorLength(text, policy.span(), diagnostics);
        Set<String> keys = new TreeSet<>();
        collectKeys(policy.selector(), keys);
        for (String key : keys) {
            if (key.startsWith(CALICO_LABEL_PREFIX)) {
                diagnostics.error(DiagnosticCode.CALICO_OWN_LABEL, policy.span(),
                        "selector of policy `" + policy.name() + "` names `" + key + "`, a label Calico gives every"
                                + " workload itself: Calico and the Palisade runtime would select different workloads",
                        "select by the pod's own labels, and by `namespace` for its namespace");
            }
        }
    }

    static void checkSelectorLength(String text, Span span, Diagnostics diagnostics) {
        if (text.length() > MAX_SELECTOR_LENGTH) {
            diagnostics.error(DiagnosticCode.CALICO_SELECTOR_TOO_LONG, span,
                    "Calico selector `" + text.substring(0, 40) + "…` is " + text.length()
                            + " characters long; Calico allows at most " + MAX_SELECTOR_LENGTH,
                    "Calico gets the selector in canonical form (quoted values, spaces around operators)");
        }
    }

    static void checkRuleCount(IrPolicy policy, int rules, Diagnostics diagnostics) {
        if (rules > MAX_RULES) {
            diagnostics.error(DiagnosticCode.CALICO_TOO_MANY_RULES, policy.span(),
                    "policy `" + policy.name() + "` needs " + rules + " Calico rules; Calico allows at most " + MAX_RULES,
                    "denies on methods or paths are taken out of every later allow, which multiplies rules;"
                            + " list fewer paths, or split the policy");
        }
    }

    private static void collectKeys(Selector selector, Set<String> keys) {
        if (selector instanceof Selector.Has has) {
            keys.add(has.key());
        } else if (selector instanceof Selector.Equals equals) {
            keys.add(equals.key());
        } else if (selector instanceof Selector.NotEquals notEquals) {
            keys.add(notEquals.key());
        } else if (selector instanceof Selector.In in) {
            keys.add(in.key());
        } else if (selector instanceof Selector.NotIn notIn) {
            keys.add(notIn.key());
        } else if (selector instanceof Selector.Contains contains) {
            keys.add(contains.key());
        } else if (selector instanceof Selector.StartsWith startsWith) {
            keys.add(startsWith.key());
        } else if (selector instanceof Selector.EndsWith endsWith) {
            keys.add(endsWith.key());
        } else if (selector instanceof Selector.Not not) {
            collectKeys(not.operand(), keys);
        } else if (selector instanceof Selector.And and) {
            collectKeys(and.left(), keys);
            collectKeys(and.right(), keys);
        } else if (selector instanceof Selector.Or or) {
            collectKeys(or.left(), keys);
            collectKeys(or.right(), keys);
        }
    }
}
