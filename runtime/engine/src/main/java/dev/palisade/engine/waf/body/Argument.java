package dev.palisade.engine.waf.body;

import java.util.Objects;

/**
 * One {@code name=value} pair a body processor (or the query string, or a Cookie header) produced:
 * an {@code ARGS}/{@code ARGS_GET}/{@code ARGS_POST} entry, or a {@code REQUEST_COOKIES} entry.
 * Both are byte strings (one char per byte, ISO-8859-1), as {@code WafRequest} keeps them.
 */
public record Argument(String name, String value) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
