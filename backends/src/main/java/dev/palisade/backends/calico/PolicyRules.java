package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.IrTier;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Calico {@code ingress} rules of every ALP policy of a bundle.
 *
 * <p>Palisade tries a policy's denies before its allows, and so does the emitted rule list: the
 * denies without HTTP conditions first, as Calico {@code Deny} rules in source order, then the
 * allows. A deny with a method or path condition cannot be a Calico rule ({@code http} is only
 * valid on {@code Allow}), so it is made exact by subtraction: every allow that could see the
 * requests it denies, later in evaluation order, loses them. That is the same policy's allows, the
 * allows of later policies of its tier, and, when its tier passes, the allows of later tiers; a
 * later policy's allows change for every workload that policy selects, which is exact only when
 * each of them is also selected by the deny's policy ({@link SelectionRelation}).
 */
final class PolicyRules {
    /** An allow rule and what is left of it after the denies before it. */
    private record Allow(IrRule rule, List<HttpMatch> matches) {}

    private final IrBundle bundle;
    private final Diagnostics diagnostics;
    private final Map<Integer, List<Allow>> allows = new LinkedHashMap<>();

    private PolicyRules(IrBundle bundle, Diagnostics diagnostics) {
        this.bundle = bundle;
        this.diagnostics = diagnostics;
    }

    /** The rules by policy index, for the policies with an {@code alp} block. */
    static Map<Integer, List<ObjectNode>> of(IrBundle bundle, Diagnostics diagnostics) {
        return new PolicyRules(bundle, diagnostics).compute();
    }

    private Map<Integer, List<ObjectNode>> compute() {
        List<IrPolicy> alpPolicies = bundle.policies().stream().filter(policy -> policy.alp().isPresent()).toList();
        alpPolicies.forEach(this::collectAllows);
        for (IrPolicy policy : alpPolicies) {
            for (IrRule rule : policy.alp().orElseThrow().rules()) {
                HttpMatch deny = HttpMatch.of(rule);
                if (rule.action() == IrRule.Action.DENY && deny.hasHttpCondition() && !deny.matchesNothing()) {
                    subtractFromLaterAllows(policy, rule, deny, alpPolicies);
                }
            }
        }
        Map<Integer, List<ObjectNode>> rules = new LinkedHashMap<>();
        alpPolicies.forEach(policy -> rules.put(policy.index(), write(policy)));
        return rules;
    }

    /** A rule with a condition no request meets (two source clauses with nothing in common) is left out. */
    private void collectAllows(IrPolicy policy) {
        List<Allow> list = new ArrayList<>();
        for (IrRule rule : policy.alp().orElseThrow().rules()) {
            HttpMatch match = HttpMatch.of(rule);
            if (rule.action() == IrRule.Action.ALLOW && !match.matchesNothing()) {
                checkMethods(rule);
                list.add(new Allow(rule, List.of(match)));
            }
        }
        allows.put(policy.index(), list);
    }

    /** Denies without HTTP conditions first, in source order, then what is left of the allows. */
    private List<ObjectNode> write(IrPolicy policy) {
        List<ObjectNode> list = new ArrayList<>();
        for (IrRule rule : policy.alp().orElseThrow().rules()) {
            HttpMatch match = HttpMatch.of(rule);
            if (rule.action() == IrRule.Action.DENY && !match.hasHttpCondition() && !match.matchesNothing()) {
                list.add(CalicoRules.deny(match));
            }
        }
        for (Allow allow : allows.get(policy.index())) {
            for (HttpMatch match : allow.matches()) {
                checkPathLengths(allow.rule(), match);
                list.addAll(CalicoRules.allow(match));
            }
        }
        for (IrRule rule : policy.alp().orElseThrow().rules()) {
            // Subtraction only narrows an allow's namespaces, so the longest namespace selector emitted is a written one.
            boolean emitted = rule.action() == IrRule.Action.ALLOW || !HttpMatch.of(rule).hasHttpCondition();
            rule.namespaces().filter(names -> emitted).ifPresent(names -> CalicoLimits.checkSelectorLength(
                    CalicoRules.namespaceSelector(names), rule.span(), diagnostics));
        }
        CalicoLimits.checkRuleCount(policy, list.size(), diagnostics);
        return list;
    }

    private void subtractFromLaterAllows(IrPolicy policy, IrRule rule, HttpMatch deny, List<IrPolicy> alpPolicies) {
        boolean passes = tier(policy.tier()).defaultAction() == IrTier.DefaultAction.PASS;
        for (IrPolicy later : alpPolicies) {
            boolean reachable = later.index() >= policy.index() && (later.tier().equals(policy.tier()) || passes);
            List<Allow> laterAllows = allows.get(later.index());
            boolean touched = laterAllows.stream()
                    .anyMatch(allow -> allow.matches().stream().anyMatch(match -> DenySubtraction.intersects(match, deny)));
            if (!reachable || !touched) {
                continue;
            }
            SelectionRelation relation = later == policy ? SelectionRelation.CONTAINED : SelectionRelation.of(policy, later);
            if (relation == SelectionRelation.DISJOINT) {
                continue;
            }
            if (relation == SelectionRelation.MAY_OVERLAP) {
                diagnostics.error(DiagnosticCode.CALICO_SELECTION_OVERLAP, rule.span(),
                        "cannot express `" + rule.text() + "` in Calico: policy `" + later.name() + "` at "
                                + place(later.span()) + " may select workloads that policy `" + policy.name()
                                + "` does not, so its allows cannot lose what this deny denies",
                        "Calico HTTP matches can only allow; the Palisade runtime (proxy or Envoy ext_authz) enforces"
                                + " this deny exactly. For Calico, select the same workloads in both policies (same"
                                + " selector and namespace, or `all()` for `" + policy.name() + "`), or none in common");
                continue;
            }
            List<Allow> subtracted = new ArrayList<>();
            for (Allow allow : laterAllows) {
                subtracted.add(subtract(rule, deny, allow));
            }
            allows.put(later.index(), subtracted);
        }
    }

    private Allow subtract(IrRule denyRule, HttpMatch deny, Allow allow) {
        List<HttpMatch> left = new ArrayList<>();
        for (HttpMatch match : allow.matches()) {
            DenySubtraction.Outcome outcome = DenySubtraction.subtract(match, deny);
            if (outcome.inexpressible().isPresent()) {
                diagnostics.error(DiagnosticCode.CALICO_DENY_NOT_EXPRESSIBLE, denyRule.span(),
                        "cannot express `" + denyRule.text() + "` in Calico against `" + allow.rule().text() + "` at "
                                + place(allow.rule().span()) + ": Calico HTTP matches can only allow, and "
                                + outcome.inexpressible().get(),
                        "the Palisade runtime (proxy or Envoy ext_authz) enforces this deny exactly; for Calico,"
                                + " list what the allow accepts (for example `allow GET path prefix \"/api\"`) so that"
                                + " the denied requests can be left out of it");
                // Reported once per allow; the allow is kept whole, and the build fails on the error.
                return allow;
            }
            left.addAll(outcome.left());
        }
        return new Allow(allow.rule(), left);
    }

    private void checkMethods(IrRule rule) {
        if (rule.methods().isPresent() && rule.methods().get().contains("*")) {
            diagnostics.error(DiagnosticCode.CALICO_METHOD_NAMED_ANY, rule.span(),
                    "method `\"*\"` would match every method in Calico",
                    "Calico's `methods: [\"*\"]` means any method; write `*` unquoted if that is what you mean");
        }
    }

    private void checkPathLengths(IrRule rule, HttpMatch match) {
        for (IrPath path : match.paths().orElse(List.of())) {
            String encoded = CalicoPaths.encode(path.normalized());
            if (encoded.length() > CalicoPaths.MAX_LENGTH) {
                diagnostics.error(DiagnosticCode.CALICO_PATH_TOO_LONG, rule.span(),
                        "path is " + encoded.length() + " characters long once percent-encoded for Calico, which allows at most "
                                + CalicoPaths.MAX_LENGTH,
                        "non-ASCII characters and `%` take three characters each in Calico");
            }
        }
    }

    private IrTier tier(String name) {
        return bundle.tiers().stream().filter(tier -> tier.name().equals(name)).findFirst().orElseThrow();
    }

    private static String place(Span span) {
        Path file = Path.of(span.file()).getFileName();
        return (file == null ? span.file() : file.toString()) + ":" + span.line();
    }
}
