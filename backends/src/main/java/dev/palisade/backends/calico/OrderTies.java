package dev.palisade.backends.calico;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.List;

/**
 * Policies of one tier with equal orders (both without one, too) are ordered by name in Palisade
 * and in Felix, which sorts Dikastes' policies: but Felix's name of a NetworkPolicy is
 * {@code <namespace>/<name>} (Felix {@code calc/policy_sorter.go}, {@code PolKVLess} compares
 * {@code Key.Name}), so a NetworkPolicy and a GlobalNetworkPolicy tied on order may come in the
 * other order. Where both may select one workload, that is an error: the fix, distinct orders, is
 * one line.
 */
final class OrderTies {
    private OrderTies() {}

    static void check(IrBundle bundle, Diagnostics diagnostics) {
        List<IrPolicy> policies = bundle.policies().stream().filter(policy -> policy.alp().isPresent()).toList();
        for (int i = 0; i < policies.size(); i++) {
            for (int j = i + 1; j < policies.size(); j++) {
                IrPolicy first = policies.get(i);
                IrPolicy second = policies.get(j);
                boolean tied = first.tier().equals(second.tier()) && first.order() == second.order();
                if (!tied || first.namespace().isPresent() == second.namespace().isPresent()) {
                    continue;
                }
                boolean felixAgrees = felixName(first).compareTo(felixName(second)) < 0;
                if (!felixAgrees && SelectionRelation.of(first, second) != SelectionRelation.DISJOINT) {
                    IrPolicy namespaced = first.namespace().isPresent() ? first : second;
                    diagnostics.error(DiagnosticCode.CALICO_ORDER_TIE, second.span(),
                            "policies `" + first.name() + "` and `" + second.name() + "` have the same order in tier `"
                                    + first.tier() + "` and may select the same workloads: Palisade tries `" + first.name()
                                    + "` first, Calico may not, as it breaks the tie by `" + felixName(namespaced) + "`",
                            "give them different orders (`order 10`, `order 20`)");
                }
            }
        }
    }

    /** The name Felix sorts a policy by. */
    static String felixName(IrPolicy policy) {
        String name = CalicoKinds.calicoName(policy.tier(), policy.name());
        return policy.namespace().map(namespace -> namespace + "/" + name).orElse(name);
    }
}
