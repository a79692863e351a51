package dev.palisade.cli.ftw;

import java.util.Optional;

/**
 * One test's verdict.
 *
 * @param note something to tell the user besides the verdict (an override no longer needed)
 */
public record FtwResult(FtwSuite suite, FtwTest test, FtwVerdict verdict, Optional<String> note) {}
