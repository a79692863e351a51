package dev.palisade.compiler;

import dev.palisade.dsl.diag.Diagnostics;

/** One named step of the compiler: takes a unit, reports what it finds, returns the next unit. */
public interface Pass {
    /** The name {@code --dump-after} takes: {@code LowerPolicies}. */
    default String name() {
        return getClass().getSimpleName();
    }

    CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics);
}
