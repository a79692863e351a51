package dev.palisade.engine.waf;

/**
 * A compiled rule set, ready to inspect requests: the CRS plus a policy's own rules. Thread-safe;
 * each call runs one transaction from phase 1 to 2 (request) and returns the verdict.
 */
public interface WafEngine {
    WafResult inspect(WafRequest request);
}
