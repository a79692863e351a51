package dev.palisade.cli.testing;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.engine.request.Workload;
import java.util.Map;
import java.util.Optional;

/**
 * The workload a test is about: its {@code labels} and {@code namespace} when given; otherwise
 * labels that the named policy's selector matches, in the policy's namespace (or {@code default}).
 * The check pass made sure one exists.
 */
public final class TestWorkloads {
    private TestWorkloads() {}

    public static Workload of(TestDecl test, IrBundle bundle) {
        Optional<IrPolicy> policy = bundle.policies().stream()
                .filter(candidate -> candidate.name().equals(test.name().text())).findFirst();
        Map<String, String> labels = test.labels()
                .or(() -> policy.flatMap(named -> SelectorWitness.find(named.selector())))
                .orElse(Map.of());
        String namespace = test.namespace().map(StringLiteral::value)
                .or(() -> policy.flatMap(IrPolicy::namespace))
                .orElse("default");
        return new Workload(labels, namespace);
    }
}
