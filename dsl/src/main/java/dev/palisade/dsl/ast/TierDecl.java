package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.Optional;

/** {@code tier platform order 100 default pass}: a Calico tier; its default applies when no rule matches. */
public record TierDecl(Name name, NumberLiteral order, Optional<Name> defaultAction, Span span) {}
