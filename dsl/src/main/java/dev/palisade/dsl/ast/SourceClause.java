package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.List;

/** {@code from serviceaccount "a", "b"} or {@code from namespace "x"}: who may send the request. */
public record SourceClause(Kind kind, List<StringLiteral> names, Span span) {
    public enum Kind { SERVICE_ACCOUNT, NAMESPACE }

    public SourceClause {
        names = List.copyOf(names);
    }
}
