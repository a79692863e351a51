package dev.palisade.engine.waf;

/** A member of a collection: a key (as sent, case kept) and its value, both byte strings. */
public record Entry(String key, String value) {}
