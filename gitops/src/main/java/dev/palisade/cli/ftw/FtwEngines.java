package dev.palisade.cli.ftw;

import dev.palisade.engine.waf.WafEngine;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code palisade ftw} gets its in-process engine: the Core Rule Set at paranoia level 4 in
 * detection mode, as the reference suite ran it, plus the rules of {@code --policy} when given.
 *
 * <p>The seam the WAF engine plugs into: {@link #standard()} is the one place to change when the
 * engine exists. Tests pass their own.
 */
@FunctionalInterface
public interface FtwEngines {

    WafEngine open(Optional<Path> policy) throws Unavailable;

    /** No engine can be had; the message is shown to the user as is. */
    final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** The engine {@code palisade ftw} uses without {@code --target}. */
    static FtwEngines standard() {
        return policy -> {
            throw new Unavailable("the in-process WAF engine is not available yet;"
                    + " run against a server with --target http://127.0.0.1:PORT");
        };
    }
}
