package dev.palisade.engine.waf;

/**
 * One value a rule inspects, with its ModSecurity name: {@code ARGS:q}, {@code REQUEST_URI},
 * {@code REQUEST_HEADERS:User-Agent}. That name is what {@code MATCHED_VAR_NAME} and logs show.
 */
public record Target(String name, String value) {}
