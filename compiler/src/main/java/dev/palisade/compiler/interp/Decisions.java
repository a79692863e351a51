package dev.palisade.compiler.interp;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.engine.decision.Action;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions a bundle can take, built once from its IR. The interpreter and the generated
 * code both return these, so their answers compare with {@code equals}.
 */
public final class Decisions {
    private Decisions() {}

    public static Decision rule(IrPolicy policy, IrRule rule) {
        boolean allow = rule.action() == IrRule.Action.ALLOW;
        return new Decision(allow ? Action.ALLOW : Action.DENY, allow ? 0 : Decision.DENY_STATUS, Reason.RULE,
                policy.name(), policy.tier(), rule.index(), rule.span().location(), rule.text());
    }

    public static Decision tierDefault(IrTier tier) {
        return new Decision(Action.DENY, Decision.DENY_STATUS, Reason.TIER_DEFAULT, null, tier.name(), -1,
                tier.span().line() > 0 ? tier.span().location() : null, "no rule of tier " + tier.name() + " matched");
    }

    public static Decision endOfTiers() {
        return new Decision(Action.DENY, Decision.DENY_STATUS, Reason.END_OF_TIERS, null, null, -1, null,
                "every applicable tier passed");
    }

    /** All rule decisions of the bundle, policy by policy, rule by rule. */
    public static List<Decision> ruleDecisions(IrBundle bundle) {
        List<Decision> decisions = new ArrayList<>();
        for (IrPolicy policy : bundle.policies()) {
            policy.alp().ifPresent(alp -> alp.rules().forEach(rule -> decisions.add(rule(policy, rule))));
        }
        return decisions;
    }
}
