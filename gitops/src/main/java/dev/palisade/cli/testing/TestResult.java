package dev.palisade.cli.testing;

import dev.palisade.dsl.diag.Span;
import java.util.List;

/**
 * The outcome of one example request or one property.
 *
 * @param name the case as written, or {@code property "title"}
 * @param details what decided, or why it failed, line by line
 */
public record TestResult(Kind kind, String name, Outcome outcome, List<String> details, Span span) {
    public enum Kind { CASE, PROPERTY }

    public enum Outcome { PASS, FAIL, SKIP }

    public TestResult {
        details = List.copyOf(details);
    }
}
