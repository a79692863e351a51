package dev.palisade.compiler.check;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Suggestions;
import java.util.List;
import java.util.Optional;

/**
 * The {@code by …} of an expectation names something that can take that decision: a rule that
 * exists and has the expected action, a tier whose default denies. A test that could never pass
 * is reported where it is written, not as a failure at test time.
 */
final class CheckExpectedDeciders {
    private final IrBundle ir;
    private final Diagnostics diagnostics;

    CheckExpectedDeciders(IrBundle ir, Diagnostics diagnostics) {
        this.ir = ir;
        this.diagnostics = diagnostics;
    }

    void check(TestDecl.Expectation expected) {
        if (expected.decider().isEmpty()) {
            return;
        }
        TestDecl.Decider decider = expected.decider().get();
        if (!expected.ruleIds().isEmpty()) {
            impossible(decider, "`" + decider.text() + "` names an ALP decision, and a request ALP denies never reaches the WAF",
                    "expect the WAF rules or what denied in ALP, not both");
            return;
        }
        switch (decider.kind()) {
            case RULE -> rule(expected, decider.name().orElseThrow(), decider.rule().orElseThrow());
            case TIER_DEFAULT -> tierDefault(expected, decider, decider.name().orElseThrow());
            case ANY_DEFAULT, END_OF_TIERS -> {
                if (expected.allow()) {
                    impossible(decider, "a request allowed `" + decider.text() + "` cannot happen: defaults deny",
                            "name the rule that allows: `by policy NAME rule N`");
                }
            }
        }
    }

    private void rule(TestDecl.Expectation expected, Name policyName, NumberLiteral number) {
        Optional<IrPolicy> policy = ir.policies().stream().filter(p -> p.name().equals(policyName.text())).findFirst();
        if (policy.isEmpty()) {
            List<String> names = ir.policies().stream().map(IrPolicy::name).toList();
            diagnostics.error(DiagnosticCode.UNKNOWN_POLICY, policyName.span(), "unknown policy `" + policyName.text() + "`",
                    Suggestions.didYouMean(policyName.text(), names).orElse("name a policy with an `alp` block"));
            return;
        }
        List<IrRule> rules = policy.get().alp().map(alp -> alp.rules()).orElse(List.of());
        long written = number.value().orElse(0);
        if (written < 1 || written > rules.size()) {
            diagnostics.error(DiagnosticCode.IMPOSSIBLE_DECIDER, number.span(),
                    "policy `" + policyName.text() + "` has " + rules.size() + " ALP rule" + (rules.size() == 1 ? "" : "s")
                            + ", so no rule " + number.text(),
                    rules.isEmpty() ? "the policy has no `alp` rules to decide" : "rules count from 1 in the order written");
            return;
        }
        IrRule rule = rules.get((int) written - 1);
        boolean allows = rule.action() == IrRule.Action.ALLOW;
        if (allows != expected.allow()) {
            diagnostics.error(DiagnosticCode.IMPOSSIBLE_DECIDER, number.span(),
                    "rule " + number.text() + " of policy `" + policyName.text() + "` " + (allows ? "allows" : "denies")
                            + " (`" + rule.text() + "`), the expectation is " + (expected.allow() ? "allow" : "deny"),
                    "name the rule that " + (expected.allow() ? "allows" : "denies"));
        }
    }

    private void tierDefault(TestDecl.Expectation expected, TestDecl.Decider decider, Name tierName) {
        Optional<IrTier> tier = ir.tiers().stream().filter(t -> t.name().equals(tierName.text())).findFirst();
        if (tier.isEmpty()) {
            diagnostics.error(DiagnosticCode.UNKNOWN_TIER, tierName.span(), "unknown tier `" + tierName.text() + "`",
                    Suggestions.didYouMean(tierName.text(), ir.tiers().stream().map(IrTier::name).toList())
                            .orElse("name a declared tier, or `default`"));
        } else if (tier.get().defaultAction() == IrTier.DefaultAction.PASS) {
            impossible(decider, "tier `" + tierName.text() + "` passes by default, so its default decides nothing",
                    "a request no rule of it matches goes on to the next tier; `at the end of all tiers` after the last");
        } else if (expected.allow()) {
            impossible(decider, "a request allowed `" + decider.text() + "` cannot happen: defaults deny",
                    "name the rule that allows: `by policy NAME rule N`");
        }
    }

    private void impossible(TestDecl.Decider decider, String message, String help) {
        diagnostics.error(DiagnosticCode.IMPOSSIBLE_DECIDER, decider.span(), message, help);
    }
}
