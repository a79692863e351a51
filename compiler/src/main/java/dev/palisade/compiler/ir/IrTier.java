package dev.palisade.compiler.ir;

import dev.palisade.dsl.diag.Span;

/**
 * A Calico tier. Tiers are evaluated by ascending order, then name. When policies of a tier apply
 * to a workload but none of their rules matches, the tier's default decides: deny, or pass to the
 * next tier.
 */
public record IrTier(String name, double order, DefaultAction defaultAction, Span span) {
    /** Calico's reserved tier, always present: order 1,000,000, default deny. */
    public static final String DEFAULT_TIER = "default";
    public static final double DEFAULT_TIER_ORDER = 1_000_000;

    public enum DefaultAction { DENY, PASS }
}
