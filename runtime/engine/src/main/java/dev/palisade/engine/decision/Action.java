package dev.palisade.engine.decision;

/** What happens to a request. */
public enum Action {
    ALLOW,
    DENY
}
