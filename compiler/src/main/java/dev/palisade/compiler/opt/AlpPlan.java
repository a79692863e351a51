package dev.palisade.compiler.opt;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.PathRuleIndex;
import java.util.List;

/**
 * The optimized form of a bundle's ALP rules, what code generation reads. Per policy, the rules
 * are split by method into classes (one per method the policy names, plus one for every other
 * method); each class gets a {@link PathRuleIndex} that finds the first matching deny and allow
 * rule for a path in one pass over it. Rules with source conditions are rare and stay as plain
 * checks in the generated code.
 *
 * @param indexes the path indexes, passed to the generated class's constructor
 * @param decisions every decision the bundle can take: rule decisions policy by policy (at each
 *     policy's {@code decisionOffset}), then one default per tier, then end-of-tiers
 */
public record AlpPlan(IrBundle bundle, List<PolicyPlan> policies, List<PathRuleIndex> indexes, List<Decision> decisions,
        int tierDefaultOffset, int endOfTiersSlot) {

    /**
     * @param methods the methods this policy names, in order; method class {@code i} uses index
     *     {@code firstIndex + i}, every other method {@code firstIndex + methods.size()}
     */
    public record PolicyPlan(IrPolicy policy, int decisionOffset, List<String> methods, int firstIndex,
            List<SourceRule> sourceRules) {}

    /** A rule with a source condition; its path conditions alone are in index {@code pathIndex}. */
    public record SourceRule(IrRule rule, int pathIndex) {}
}
