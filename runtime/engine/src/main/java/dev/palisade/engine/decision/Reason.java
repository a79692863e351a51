package dev.palisade.engine.decision;

/** Why a decision was taken; logs and tests tell the three apart. */
public enum Reason {
    /** A rule matched: the decision names it. */
    RULE,
    /** Policies of a tier applied to the workload but none of their rules matched. */
    TIER_DEFAULT,
    /** Every applicable tier passed without a decision: default deny once any ALP rule applies. */
    END_OF_TIERS,
    /** No policy with ALP rules selects the workload: ALP does not restrict it. */
    NO_POLICY
}
