package dev.palisade.compiler.check;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.Pass;
import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.HashMap;
import java.util.Map;

/** Policy names are unique across the bundle (they become Kubernetes object names); tests too. */
public final class CheckDuplicateNames implements Pass {
    @Override
    public CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics) {
        Map<String, Name> policies = new HashMap<>();
        unit.policies().forEach(policy -> check(policy.name(), policies, "policy", DiagnosticCode.DUPLICATE_POLICY, diagnostics));
        Map<String, Name> tests = new HashMap<>();
        unit.tests().forEach(test -> check(test.name(), tests, "test", DiagnosticCode.DUPLICATE_POLICY, diagnostics));
        return unit;
    }

    private static void check(Name name, Map<String, Name> seen, String what, DiagnosticCode code, Diagnostics diagnostics) {
        Name first = seen.putIfAbsent(name.text(), name);
        if (first != null) {
            diagnostics.error(code, name.span(), what + " `" + name.text() + "` is already defined at " + first.span().location(),
                    "rename one of them");
        }
    }
}
