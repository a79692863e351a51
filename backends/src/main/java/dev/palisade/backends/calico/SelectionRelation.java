package dev.palisade.backends.calico;

import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the workloads two policies select relate. Subtracting a deny from a later policy's allows
 * is exact only when every workload the later policy selects also meets the deny (containment);
 * when no workload meets both, the deny is irrelevant there (disjoint); otherwise the two cannot
 * be told apart in Calico.
 *
 * <p>Proofs go through {@link SelectorWitness}: for selectors built from {@code ==}, {@code !=},
 * {@code in}, {@code not in} and {@code has}, a label's truth only depends on whether it is
 * absent, one of the values mentioned, or another value, so the witness search is complete as long
 * as it is not cut short. With {@code contains}, {@code starts with} or {@code ends with}, or too
 * many candidates, nothing is proved (and only syntactic facts are used).
 */
enum SelectionRelation {
    /** No workload is selected by both. */
    DISJOINT,
    /** Every workload the inner policy selects, the outer one selects too. */
    CONTAINED,
    /** Neither was proved. */
    MAY_OVERLAP;

    /** Leaves room below {@link SelectorWitness#MAX_EVALUATIONS} so a proof never meets its cut-off. */
    private static final long MAX_CANDIDATE_LABEL_SETS = SelectorWitness.MAX_EVALUATIONS / 2;

    static SelectionRelation of(IrPolicy outer, IrPolicy inner) {
        if (outer.namespace().isPresent() && inner.namespace().isPresent()
                && !outer.namespace().get().equals(inner.namespace().get())) {
            return DISJOINT;
        }
        boolean namespaceContained = outer.namespace().isEmpty() || outer.namespace().equals(inner.namespace());
        if (namespaceContained && selectorContains(outer.selector(), inner.selector())) {
            return CONTAINED;
        }
        if (provablyEmpty(new Selector.And(outer.selector(), inner.selector()))) {
            return DISJOINT;
        }
        return MAY_OVERLAP;
    }

    private static boolean selectorContains(Selector outer, Selector inner) {
        return outer instanceof Selector.All || outer.equals(inner)
                || provablyEmpty(new Selector.And(inner, new Selector.Not(outer)));
    }

    static boolean provablyEmpty(Selector selector) {
        Map<String, Set<String>> mentioned = new TreeMap<>();
        if (!collect(selector, mentioned)) {
            return false;
        }
        long labelSets = 1;
        for (Set<String> values : mentioned.values()) {
            // absent, each value, a fresh value, and the empty value the witness also tries
            labelSets *= values.size() + 3;
            if (labelSets > MAX_CANDIDATE_LABEL_SETS) {
                return false;
            }
        }
        return SelectorWitness.find(selector).isEmpty();
    }

    /** Collects the values each key is compared with; false when a string operator is used. */
    private static boolean collect(Selector selector, Map<String, Set<String>> mentioned) {
        if (selector instanceof Selector.All) {
            return true;
        } else if (selector instanceof Selector.Has has) {
            mentioned.computeIfAbsent(has.key(), key -> new TreeSet<>());
            return true;
        } else if (selector instanceof Selector.Equals equals) {
            mentioned.computeIfAbsent(equals.key(), key -> new TreeSet<>()).add(equals.value());
            return true;
        } else if (selector instanceof Selector.NotEquals notEquals) {
            mentioned.computeIfAbsent(notEquals.key(), key -> new TreeSet<>()).add(notEquals.value());
            return true;
        } else if (selector instanceof Selector.In in) {
            mentioned.computeIfAbsent(in.key(), key -> new TreeSet<>()).addAll(in.values());
            return true;
        } else if (selector instanceof Selector.NotIn notIn) {
            mentioned.computeIfAbsent(notIn.key(), key -> new TreeSet<>()).addAll(notIn.values());
            return true;
        } else if (selector instanceof Selector.Not not) {
            return collect(not.operand(), mentioned);
        } else if (selector instanceof Selector.And and) {
            return collect(and.left(), mentioned) && collect(and.right(), mentioned);
        } else if (selector instanceof Selector.Or or) {
            return collect(or.left(), mentioned) && collect(or.right(), mentioned);
        }
        return false;
    }
}
