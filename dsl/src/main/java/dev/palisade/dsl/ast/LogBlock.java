package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.Optional;

/**
 * {@code log { interval 5s requests-per-interval all }}: how often L7 logs are flushed and how
 * many requests each interval may log ({@code all}: unlimited).
 */
public record LogBlock(Optional<Name> interval, Optional<Name> requestsPerInterval, Span span) {}
