package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.AlpBlock;
import dev.palisade.dsl.ast.AlpRule;
import dev.palisade.dsl.ast.LogBlock;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.SourceClause;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.TierDecl;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.dsl.grammar.PalisadeParser;
import dev.palisade.dsl.grammar.PalisadeParser.PolicyItemContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parse tree → AST for tiers, policies and their ALP and log blocks (WAF and tests have builders of their own). */
final class AstBuilder {
    private static final List<String> BLOCKS = List.of("alp", "waf", "log");

    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final Literals literals;

    AstBuilder(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.literals = new Literals(source, diagnostics);
    }

    PolicyFile file(PalisadeParser.FileContext context) {
        List<TierDecl> tiers = new ArrayList<>();
        List<PolicyDecl> policies = new ArrayList<>();
        List<TestDecl> tests = new ArrayList<>();
        TestBuilder testBuilder = new TestBuilder(literals, diagnostics);
        for (PalisadeParser.DeclarationContext declaration : context.declaration()) {
            if (declaration.tierDecl() != null) {
                tiers.add(tier(declaration.tierDecl()));
            } else if (declaration.policyDecl() != null) {
                policies.add(policy(declaration.policyDecl()));
            } else {
                tests.add(testBuilder.test(declaration.testDecl()));
            }
        }
        return new PolicyFile(source, tiers, policies, tests);
    }

    private TierDecl tier(PalisadeParser.TierDeclContext context) {
        Optional<Name> defaultAction = context.defaultAction == null
                ? Optional.empty()
                : Optional.of(new Name(context.defaultAction.getText(), literals.span(context.defaultAction)));
        return new TierDecl(literals.name(context.name()), literals.number(context.number()), defaultAction,
                literals.span(context));
    }

    private PolicyDecl policy(PalisadeParser.PolicyDeclContext context) {
        Settings settings = new Settings();
        for (PolicyItemContext item : context.policyItem()) {
            if (item instanceof PalisadeParser.NamespaceSettingContext namespace) {
                settings.namespace = once(settings.namespace, literals.string(namespace.string()), item, "namespace");
            } else if (item instanceof PalisadeParser.SelectorSettingContext selector) {
                settings.selector = once(settings.selector, literals.string(selector.string()), item, "selector");
            } else if (item instanceof PalisadeParser.TierSettingContext tier) {
                settings.tier = once(settings.tier, literals.name(tier.name()), item, "tier");
            } else if (item instanceof PalisadeParser.OrderSettingContext order) {
                settings.order = once(settings.order, literals.number(order.number()), item, "order");
            } else if (item instanceof PalisadeParser.AlpBlockContext alp) {
                settings.alp = once(settings.alp, alp(alp), item, "alp");
            } else if (item instanceof PalisadeParser.WafBlockContext waf) {
                settings.waf = once(settings.waf, new WafBuilder(literals, diagnostics).waf(waf), item, "waf");
            } else if (item instanceof PalisadeParser.LogBlockContext log) {
                settings.log = once(settings.log, log(log), item, "log");
            } else if (item instanceof PalisadeParser.UnknownBlockContext unknown) {
                String word = unknown.ID().getText();
                diagnostics.error(DiagnosticCode.UNKNOWN_BLOCK, literals.span(unknown.ID().getSymbol()),
                        "unknown block `" + word + "` in policy",
                        Suggestions.didYouMean(word, BLOCKS).orElse("a policy has `alp`, `waf` and `log` blocks"));
            }
        }
        return new PolicyDecl(literals.name(context.name()), Optional.ofNullable(settings.namespace),
                Optional.ofNullable(settings.selector), Optional.ofNullable(settings.tier),
                Optional.ofNullable(settings.order), Optional.ofNullable(settings.alp),
                Optional.ofNullable(settings.waf), Optional.ofNullable(settings.log), literals.span(context));
    }

    /** The first of a setting wins; a second one is reported where it is. */
    private <T> T once(T earlier, T later, PolicyItemContext item, String what) {
        if (earlier == null) {
            return later;
        }
        Span span = literals.span(item.getStart());
        diagnostics.error(DiagnosticCode.DUPLICATE_SETTING, span, "policy has a second `" + what + "`",
                "keep one; the first is at line " + firstLine(earlier));
        return earlier;
    }

    private static int firstLine(Object setting) {
        if (setting instanceof StringLiteral string) {
            return string.span().line();
        }
        if (setting instanceof Name name) {
            return name.span().line();
        }
        if (setting instanceof NumberLiteral number) {
            return number.span().line();
        }
        if (setting instanceof AlpBlock alp) {
            return alp.span().line();
        }
        if (setting instanceof WafBlock waf) {
            return waf.span().line();
        }
        return ((LogBlock) setting).span().line();
    }

    private AlpBlock alp(PalisadeParser.AlpBlockContext context) {
        List<AlpRule> rules = new ArrayList<>();
        for (PalisadeParser.AlpRuleContext rule : context.alpRule()) {
            rules.add(rule(rule));
        }
        return new AlpBlock(rules, literals.span(context));
    }

    private AlpRule rule(PalisadeParser.AlpRuleContext context) {
        AlpRule.RuleAction action = context.action.getType() == PalisadeParser.ALLOW
                ? AlpRule.RuleAction.ALLOW : AlpRule.RuleAction.DENY;
        List<MethodRef> methods = context.methodList() == null ? List.of() : methods(context.methodList());
        List<PathMatch> paths = new ArrayList<>();
        if (context.pathClause() != null) {
            for (PalisadeParser.PathMatchContext path : context.pathClause().pathMatch()) {
                paths.add(pathMatch(path));
            }
        }
        List<SourceClause> sources = new ArrayList<>();
        for (PalisadeParser.SourceClauseContext clause : context.sourceClause()) {
            sources.add(source(clause));
        }
        return new AlpRule(action, literals.span(context.action), methods, paths, sources, literals.text(context),
                literals.span(context));
    }

    List<MethodRef> methods(PalisadeParser.MethodListContext context) {
        List<MethodRef> methods = new ArrayList<>();
        for (PalisadeParser.MethodContext method : context.method()) {
            methods.add(method(method));
        }
        return methods;
    }

    MethodRef method(PalisadeParser.MethodContext context) {
        if (context.string() != null) {
            return new MethodRef(literals.string(context.string()).value(), true, literals.span(context));
        }
        return new MethodRef(context.getText(), false, literals.span(context));
    }

    PathMatch pathMatch(PalisadeParser.PathMatchContext context) {
        PathMatch.Kind kind = context.kind.getType() == PalisadeParser.EXACT ? PathMatch.Kind.EXACT : PathMatch.Kind.PREFIX;
        return new PathMatch(kind, literals.string(context.string()), literals.span(context));
    }

    private SourceClause source(PalisadeParser.SourceClauseContext context) {
        List<StringLiteral> names = new ArrayList<>();
        SourceClause.Kind kind;
        if (context instanceof PalisadeParser.FromServiceAccountContext accounts) {
            kind = SourceClause.Kind.SERVICE_ACCOUNT;
            accounts.string().forEach(string -> names.add(literals.string(string)));
        } else {
            kind = SourceClause.Kind.NAMESPACE;
            ((PalisadeParser.FromNamespaceContext) context).string().forEach(string -> names.add(literals.string(string)));
        }
        return new SourceClause(kind, names, literals.span(context));
    }

    private LogBlock log(PalisadeParser.LogBlockContext context) {
        Name interval = null;
        Name requests = null;
        for (PalisadeParser.LogItemContext item : context.logItem()) {
            if (item instanceof PalisadeParser.LogIntervalContext logInterval) {
                interval = new Name(logInterval.DURATION().getText(), literals.span(logInterval.DURATION().getSymbol()));
            } else {
                PalisadeParser.LogRequestsPerIntervalContext perInterval = (PalisadeParser.LogRequestsPerIntervalContext) item;
                requests = perInterval.ALL() != null
                        ? new Name("all", literals.span(perInterval.ALL().getSymbol()))
                        : new Name(perInterval.number().getText(), literals.span(perInterval.number()));
            }
        }
        return new LogBlock(Optional.ofNullable(interval), Optional.ofNullable(requests), literals.span(context));
    }

    /** Policy settings while they are collected. */
    private static final class Settings {
        StringLiteral namespace;
        StringLiteral selector;
        Name tier;
        NumberLiteral order;
        AlpBlock alp;
        WafBlock waf;
        LogBlock log;
    }
}
