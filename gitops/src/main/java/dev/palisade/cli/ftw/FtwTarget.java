package dev.palisade.cli.ftw;

/** Where a stage's request goes: the engine in this process, or a server over a socket. */
public interface FtwTarget {
    /** Sends one stage's request and reports what came of it; never throws for HTTP-level trouble. */
    FtwOutcome send(FtwStage stage);
}
