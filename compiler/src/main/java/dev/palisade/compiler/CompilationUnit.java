package dev.palisade.compiler;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.TierDecl;
import java.util.List;
import java.util.Optional;

/**
 * What passes hand each other: the parsed files and, once lowered, the IR. Immutable; a pass
 * returns a new unit.
 */
public record CompilationUnit(List<PolicyFile> files, Optional<IrBundle> ir) {
    public CompilationUnit {
        files = List.copyOf(files);
    }

    public static CompilationUnit of(List<PolicyFile> files) {
        return new CompilationUnit(files, Optional.empty());
    }

    public CompilationUnit withIr(IrBundle bundle) {
        return new CompilationUnit(files, Optional.of(bundle));
    }

    public List<PolicyDecl> policies() {
        return files.stream().flatMap(file -> file.policies().stream()).toList();
    }

    public List<TierDecl> tiers() {
        return files.stream().flatMap(file -> file.tiers().stream()).toList();
    }

    public List<TestDecl> tests() {
        return files.stream().flatMap(file -> file.tests().stream()).toList();
    }
}
