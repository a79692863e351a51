package dev.palisade.compiler.lower;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.Names;
import dev.palisade.compiler.Pass;
import dev.palisade.compiler.ir.IrAlp;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TierDecl;
import dev.palisade.dsl.ast.selector.Selector.All;
import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.dsl.parse.SelectorParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AST → IR: resolves tiers, parses selectors, checks names, and lowers ALP rules (through
 * {@link LowerAlpRules}). Policies come out in evaluation order.
 */
public final class LowerPolicies implements Pass {

    @Override
    public CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics) {
        Map<String, IrTier> tiers = tiers(unit.tiers(), diagnostics);
        List<Pending> pending = new ArrayList<>();
        LowerAlpRules alpRules = new LowerAlpRules(diagnostics);
        for (PolicyDecl policy : unit.policies()) {
            String name = policy.name().text();
            if (!Names.isDnsSubdomain(name)) {
                diagnostics.error(DiagnosticCode.INVALID_NAME, policy.name().span(),
                        "policy name `" + name + "` is not a valid Kubernetes name",
                        "use lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit");
            }
            String tier = policy.tier().map(written -> {
                if (!tiers.containsKey(written.text())) {
                    diagnostics.error(DiagnosticCode.UNKNOWN_TIER, written.span(), "unknown tier `" + written.text() + "`",
                            Suggestions.didYouMean(written.text(), tiers.keySet())
                                    .orElse("declare it: `tier " + written.text() + " order 100`"));
                }
                return written.text();
            }).orElse(IrTier.DEFAULT_TIER);
            double order = policy.order().map(number -> (double) number.value().orElse(0)).orElse(Double.POSITIVE_INFINITY);
            Optional<String> namespace = policy.namespace().map(literal -> namespace(literal, diagnostics));
            Selector selector = selector(policy, diagnostics);
            Optional<IrAlp> alp = policy.alp().map(block -> new IrAlp(alpRules.lower(block.rules(), namespace)));
            pending.add(new Pending(name, tier, order, namespace, selector, alp, policy.span()));
        }
        Comparator<Pending> evaluationOrder = Comparator
                .comparingDouble((Pending p) -> tiers.containsKey(p.tier) ? tiers.get(p.tier).order() : Double.MAX_VALUE)
                .thenComparing(p -> p.tier)
                .thenComparingDouble(p -> p.order)
                .thenComparing(p -> p.name);
        pending.sort(evaluationOrder);
        List<IrPolicy> policies = new ArrayList<>();
        for (Pending p : pending) {
            policies.add(new IrPolicy(policies.size(), p.name, p.tier, p.order, p.namespace, p.selector, p.alp, p.span));
        }
        List<IrTier> orderedTiers = tiers.values().stream()
                .sorted(Comparator.comparingDouble(IrTier::order).thenComparing(IrTier::name))
                .toList();
        return unit.withIr(new IrBundle(orderedTiers, policies));
    }

    private static Map<String, IrTier> tiers(List<TierDecl> declared, Diagnostics diagnostics) {
        Map<String, IrTier> tiers = new LinkedHashMap<>();
        tiers.put(IrTier.DEFAULT_TIER, new IrTier(IrTier.DEFAULT_TIER, IrTier.DEFAULT_TIER_ORDER,
                IrTier.DefaultAction.DENY, Span.NONE));
        for (TierDecl tier : declared) {
            String name = tier.name().text();
            if (tiers.containsKey(name)) {
                diagnostics.error(DiagnosticCode.DUPLICATE_TIER, tier.name().span(),
                        name.equals(IrTier.DEFAULT_TIER)
                                ? "tier `default` is Calico's own and cannot be declared"
                                : "tier `" + name + "` is declared twice");
                continue;
            }
            if (!Names.isDnsLabel(name)) {
                diagnostics.error(DiagnosticCode.INVALID_NAME, tier.name().span(),
                        "tier name `" + name + "` is not a valid Kubernetes name",
                        "use lowercase letters, digits and `-`");
            }
            IrTier.DefaultAction action = tier.defaultAction().map(word -> word.text().equals("pass")
                    ? IrTier.DefaultAction.PASS : IrTier.DefaultAction.DENY).orElse(IrTier.DefaultAction.DENY);
            tiers.put(name, new IrTier(name, tier.order().value().orElse(0), action, tier.span()));
        }
        return tiers;
    }

    private static String namespace(StringLiteral literal, Diagnostics diagnostics) {
        if (!Names.isDnsLabel(literal.value())) {
            diagnostics.error(DiagnosticCode.INVALID_NAME, literal.span(),
                    "namespace `" + literal.value() + "` is not a valid Kubernetes namespace name",
                    "namespaces are lowercase letters, digits and `-`, at most 63 characters");
        }
        return literal.value();
    }

    private static Selector selector(PolicyDecl policy, Diagnostics diagnostics) {
        if (policy.selector().isEmpty()) {
            diagnostics.error(DiagnosticCode.MISSING_SELECTOR, policy.name().span(),
                    "policy `" + policy.name().text() + "` has no selector",
                    "add `selector 'app == \"name\"'`, or `selector 'all()'` to select every workload");
            return new All();
        }
        StringLiteral text = policy.selector().get();
        return SelectorParser.parse(text.value(), text::spanAt, diagnostics).orElse(new All());
    }

    private record Pending(String name, String tier, double order, Optional<String> namespace, Selector selector,
            Optional<IrAlp> alp, Span span) {}

}
