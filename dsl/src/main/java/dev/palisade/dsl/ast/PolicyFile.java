package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.SourceFile;
import java.util.List;

/** One parsed {@code .pal} file: its tiers, policies and tests in source order. */
public record PolicyFile(SourceFile source, List<TierDecl> tiers, List<PolicyDecl> policies, List<TestDecl> tests) {
    public PolicyFile {
        tiers = List.copyOf(tiers);
        policies = List.copyOf(policies);
        tests = List.copyOf(tests);
    }
}
