package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.List;

/**
 * {@code allow GET, HEAD path exact "/", prefix "/static" from serviceaccount "web"}. An empty
 * list means "any": a rule without methods matches every method.
 *
 * @param text the rule as written, on one line, for logs and decisions
 */
public record AlpRule(
        RuleAction action,
        Span actionSpan,
        List<MethodRef> methods,
        List<PathMatch> paths,
        List<SourceClause> sources,
        String text,
        Span span) {

    public enum RuleAction { ALLOW, DENY }

    public AlpRule {
        methods = List.copyOf(methods);
        paths = List.copyOf(paths);
        sources = List.copyOf(sources);
    }
}
