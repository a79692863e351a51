package dev.palisade.engine.waf;

/**
 * One request and its response through the WAF, in ModSecurity's order: phase 1 (request
 * headers), the request body processor, phase 2 (request body); then, when the response comes,
 * phase 3 (response headers), phase 4 (response body, when {@link ResponseBodyAccess} inspects
 * its type) and phase 5 (logging). Processing stops at an interruption; phase 5 runs anyway, as
 * in ModSecurity. Not thread-safe: one per exchange.
 */
public final class WafExchange {
    private final PhaseRunner runner;
    private final Transaction transaction;
    private boolean stopped;
    private boolean responded;

    private WafExchange(PhaseRunner runner, Transaction transaction) {
        this.runner = runner;
        this.transaction = transaction;
    }

    /** Runs the request phases now. */
    public static WafExchange begin(PhaseRunner runner, WafRequest request) {
        WafExchange exchange = new WafExchange(runner, new Transaction(request, runner.mode(), runner.limits()));
        Transaction tx = exchange.transaction;
        if (tx.engineMode() == EngineMode.OFF) {
            exchange.stopped = true;
            return exchange;
        }
        if (!runner.runPhase(tx, 1)) {
            exchange.stopped = true;
            return exchange;
        }
        tx.request().processBody();
        exchange.stopped = !runner.runPhase(tx, 2);
        return exchange;
    }

    /** What the request phases found. */
    public WafResult requestResult() {
        return transaction.result();
    }

    /** Everything found so far: the request phases, and the response phases once they ran. */
    public WafResult result() {
        return transaction.result();
    }

    /** Which response bodies {@link #respond} inspects, and how much of them. */
    public ResponseBodyAccess responseBodyAccess() {
        return runner.responseBodyAccess();
    }

    /**
     * Runs the response phases on the upstream's response (which the caller has not yet sent on)
     * and returns the whole exchange's result; an interruption there means the client gets the
     * WAF's status instead of this response. Runs once; later calls return the same result.
     */
    public WafResult respond(WafResponse response) {
        if (responded) {
            return transaction.result();
        }
        responded = true;
        Transaction tx = transaction;
        if (tx.engineMode() == EngineMode.OFF) {
            return tx.result();
        }
        tx.response(response, runner.responseBodyAccess());
        if (!stopped) {
            stopped = !runner.runPhase(tx, 3) || !runner.runPhase(tx, 4);
        }
        if (tx.engineMode() != EngineMode.OFF) {
            runner.runPhase(tx, 5);
        }
        return tx.result();
    }

    public Transaction transaction() {
        return transaction;
    }
}
