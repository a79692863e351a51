package dev.palisade.cli.diff;

import dev.palisade.cli.testing.RequestDecider;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.WafEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One side of a diff: a compiled bundle, its WAFs, and what its rules mention.
 *
 * @param wafBlocks each policy's {@code waf} block as written, by policy name
 * @param decider decides a request as the runtime does: ALP, then the WAFs of the selecting policies
 */
record PolicyVersion(String label, IrBundle ir, CompiledPolicy policy, Map<String, WafSource> wafBlocks,
        RequestDecider decider) {

    /** A {@code waf} block and the directory its {@code seclang include} paths are relative to. */
    record WafSource(WafBlock block, Path directory) {}

    /** @param wafs the bundle's lowered WAFs ({@code PolicyWafs.lower}), by policy name */
    static PolicyVersion of(String label, PolicyCompiler.Result result, Map<String, IrWaf> wafs) {
        IrBundle ir = result.ir().orElseThrow();
        CompiledPolicy policy = PolicyCompiler.load(ir, Optional.empty()).policy();
        Map<String, WafSource> blocks = new LinkedHashMap<>();
        for (PolicyFile file : result.unit().files()) {
            Path directory = Path.of(file.source().name()).toAbsolutePath().getParent();
            for (PolicyDecl declared : file.policies()) {
                declared.waf().ifPresent(waf -> blocks.put(declared.name().text(), new WafSource(waf, directory)));
            }
        }
        Map<String, WafEngine> engines = new LinkedHashMap<>();
        wafs.forEach((name, waf) -> engines.put(name, new WafInterpreter(waf)));
        return new PolicyVersion(label, ir, policy, blocks, new RequestDecider(policy, engines));
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

    /** The policies with a {@code waf} block that this selection applies, in policy order. */
    List<String> wafPolicies(Selection selection) {
        List<String> names = policy.policyNames();
        List<String> selected = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            if (selection.applies(index) && wafBlocks.containsKey(names.get(index))) {
                selected.add(names.get(index));
            }
        }
        return selected;
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
