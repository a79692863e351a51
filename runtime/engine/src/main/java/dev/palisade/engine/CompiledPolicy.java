package dev.palisade.engine;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.util.List;

/**
 * A policy bundle compiled to bytecode. The compiler generates a class implementing this
 * interface for every bundle; the runtime and {@code palisade test} call it. Implementations are
 * immutable and safe to call from many threads.
 */
public interface CompiledPolicy {

    /** A hash of the bundle's IR: equal hashes mean equal behaviour. */
    String irHash();

    /** The bundle's policies, in the order {@link Selection} indexes them. */
    List<String> policyNames();

    /** Which policies select the workload (selector and namespace). */
    Selection select(Workload workload);

    /** The ALP decision for one request to a workload with this selection. */
    Decision decide(Selection selection, AlpRequest request);
}
