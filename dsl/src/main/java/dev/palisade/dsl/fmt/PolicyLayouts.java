package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.AlpBlock;
import dev.palisade.dsl.ast.AlpRule;
import dev.palisade.dsl.ast.LogBlock;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.SourceClause;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TierDecl;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.grammar.PalisadeLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Tiers and policies in canonical form: settings first (namespace, selector, tier, order), then alp, waf, log. */
final class PolicyLayouts {
    private final SourceTokens tokens;

    PolicyLayouts(SourceTokens tokens) {
        this.tokens = tokens;
    }

    Layout tier(TierDecl tier) {
        String text = "tier " + tier.name().text() + " order " + tier.order().text()
                + tier.defaultAction().map(action -> " default " + action.text()).orElse("");
        return line(text, tier.span());
    }

    Layout policy(PolicyDecl policy) {
        List<Layout> items = new ArrayList<>();
        policy.namespace().ifPresent(namespace -> items.add(setting("namespace " + StringText.of(namespace), namespace.span())));
        policy.selector().ifPresent(selector -> items.add(setting("selector " + StringText.of(selector), selector.span())));
        policy.tier().ifPresent(tier -> items.add(setting("tier " + tier.text(), tier.span())));
        policy.order().ifPresent(order -> items.add(setting("order " + order.text(), order.span())));
        policy.alp().ifPresent(alp -> items.add(alp(alp)));
        policy.waf().ifPresent(waf -> items.add(new WafLayouts(this).waf(waf)));
        policy.log().ifPresent(log -> items.add(log(log)));
        return block("policy " + policy.name().text(), policy.span(), items);
    }

    private Layout alp(AlpBlock alp) {
        List<Layout> rules = new ArrayList<>();
        alp.rules().forEach(rule -> rules.add(line(rule(rule), rule.span())));
        return block("alp", alp.span(), rules);
    }

    private static String rule(AlpRule rule) {
        StringBuilder text = new StringBuilder(rule.action() == AlpRule.RuleAction.ALLOW ? "allow" : "deny");
        if (!rule.methods().isEmpty()) {
            text.append(' ').append(methods(rule.methods()));
        }
        if (!rule.paths().isEmpty()) {
            text.append(" path ").append(paths(rule.paths()));
        }
        for (SourceClause source : rule.sources()) {
            text.append(source.kind() == SourceClause.Kind.SERVICE_ACCOUNT ? " from serviceaccount " : " from namespace ")
                    .append(strings(source.names()));
        }
        return text.toString();
    }

    private Layout log(LogBlock log) {
        List<Layout> items = new ArrayList<>();
        log.interval().ifPresent(interval -> items.add(setting("interval " + interval.text(), interval.span())));
        log.requestsPerInterval().ifPresent(requests ->
                items.add(setting("requests-per-interval " + requests.text(), requests.span())));
        return block("log", log.span(), items);
    }

    static String methods(List<MethodRef> methods) {
        return methods.stream().map(PolicyLayouts::method).collect(Collectors.joining(", "));
    }

    static String method(MethodRef method) {
        return method.quoted() ? StringText.quoted(method.name()) : method.name();
    }

    static String paths(List<PathMatch> paths) {
        return paths.stream()
                .map(path -> (path.kind() == PathMatch.Kind.EXACT ? "exact " : "prefix ") + StringText.of(path.path()))
                .collect(Collectors.joining(", "));
    }

    static String strings(List<StringLiteral> strings) {
        return strings.stream().map(StringText::of).collect(Collectors.joining(", "));
    }

    /** A keyword and its value; the AST's span covers only the value. */
    Layout setting(String text, Span value) {
        return new Layout.Line(text, tokens.keywordBefore(tokens.start(value)), tokens.end(value));
    }

    Layout line(String text, Span span) {
        return new Layout.Line(text, tokens.start(span), tokens.end(span));
    }

    /** A braced block whose span runs from its keyword to its closing brace. */
    Layout block(String header, Span span, List<Layout> children) {
        int start = tokens.start(span);
        int end = tokens.end(span);
        int openEnd = tokens.next(PalisadeLexer.LBRACE, start).map(SourceTokens.Code::end).orElse(start);
        int closeStart = tokens.endingAt(end).map(SourceTokens.Code::start).orElse(end);
        return new Layout.Block(header, start, Math.min(openEnd, closeStart), closeStart, end, children);
    }

    SourceTokens tokens() {
        return tokens;
    }
}
