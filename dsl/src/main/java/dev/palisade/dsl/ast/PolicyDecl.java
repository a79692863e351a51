package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.Optional;

/**
 * A policy: which workloads it selects and what it says about their traffic. Settings given
 * twice are reported by the parser, which keeps the first.
 */
public record PolicyDecl(
        Name name,
        Optional<StringLiteral> namespace,
        Optional<StringLiteral> selector,
        Optional<Name> tier,
        Optional<NumberLiteral> order,
        Optional<AlpBlock> alp,
        Optional<WafBlock> waf,
        Optional<LogBlock> log,
        Span span) {}
