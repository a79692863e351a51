package dev.palisade.engine.waf;

/**
 * What runs a rule set's phases: the interpreter, or the class generated for the rule set. A
 * {@link WafExchange} drives it through ModSecurity's phase order.
 */
public interface PhaseRunner {

    /** {@code SecRuleEngine}, as the rule set configures it. */
    EngineMode mode();

    WafLimits limits();

    /** Which response bodies phase 4 reads ({@code SecResponseBodyAccess}, {@code SecResponseBodyMimeType}). */
    ResponseBodyAccess responseBodyAccess();

    /**
     * Runs the rules of {@code phase} (1 to 5) on the transaction. Returns false when processing
     * must stop: the transaction was interrupted, an {@code allow} ended it, or {@code ctl}
     * turned the engine off.
     */
    boolean runPhase(Transaction transaction, int phase);
}
