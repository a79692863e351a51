package dev.palisade.cli.diff;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.request.Workload;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One side of a diff: a compiled bundle and what its rules mention. */
record PolicyVersion(String label, IrBundle ir, CompiledPolicy policy) {

    static PolicyVersion of(String label, PolicyCompiler.Result result) {
        IrBundle ir = result.ir().orElseThrow();
        return new PolicyVersion(label, ir, PolicyCompiler.load(ir, Optional.empty()).policy());
    }

    /** A workload per policy that names labels: the policy's name, labels its selector accepts. */
    Map<String, Workload> workloads() {
        Map<String, Workload> workloads = new TreeMap<>();
        for (IrPolicy policy : ir.policies()) {
            SelectorWitness.find(policy.selector()).filter(labels -> !labels.isEmpty()).ifPresent(labels ->
                    workloads.put(policy.name(), new Workload(new TreeMap<>(labels), policy.namespace().orElse("default"))));
        }
        return workloads;
    }

    Set<String> rulePaths() {
        return new LinkedHashSet<>(ir.rulePaths());
    }

    Set<String> methods() {
        Set<String> methods = new LinkedHashSet<>();
        eachRule(rule -> rule.methods().ifPresent(methods::addAll));
        return methods;
    }

    /** Callers the rules name: service account and namespace pairs (either may be null). */
    Set<List<String>> sources() {
        Set<List<String>> sources = new LinkedHashSet<>();
        eachRule(rule -> {
            for (String account : rule.serviceAccounts().map(List::copyOf).orElse(java.util.Collections.singletonList(null))) {
                for (String namespace : rule.namespaces().map(List::copyOf).orElse(java.util.Collections.singletonList(null))) {
                    if (account != null || namespace != null) {
                        sources.add(java.util.Arrays.asList(account, namespace));
                    }
                }
            }
        });
        return sources;
    }

    private void eachRule(java.util.function.Consumer<IrRule> action) {
        for (IrPolicy policy : ir.policies()) {
            policy.alp().ifPresent(alp -> alp.rules().forEach(action));
        }
    }
}
