package dev.palisade.compiler.check;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.Pass;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Within a policy, deny rules win. An allow rule whose every request a deny rule also matches
 * can never take effect: that contradiction is an error, because the author meant something
 * else. A rule that repeats an earlier rule of the same kind is a warning.
 */
public final class CheckRuleConflicts implements Pass {
    @Override
    public CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics) {
        unit.ir().ifPresent(ir -> ir.policies().forEach(policy -> check(policy, diagnostics)));
        return unit;
    }

    private static void check(IrPolicy policy, Diagnostics diagnostics) {
        List<IrRule> rules = policy.alp().map(alp -> alp.rules()).orElse(List.of());
        for (IrRule rule : rules) {
            for (IrRule earlier : rules) {
                if (earlier.index() >= rule.index() && earlier.action() == rule.action()) {
                    continue;
                }
                if (earlier.action() == IrRule.Action.DENY && rule.action() == IrRule.Action.ALLOW && covers(earlier, rule)) {
                    diagnostics.error(DiagnosticCode.CONTRADICTING_RULES, rule.span(),
                            "this allow never applies: the deny at line " + earlier.span().line()
                                    + " matches every request it matches",
                            "deny rules win within a policy; narrow the deny or remove the allow");
                    break;
                }
                if (earlier.action() == rule.action() && earlier.index() < rule.index() && covers(earlier, rule)) {
                    diagnostics.warning(DiagnosticCode.DUPLICATE_RULE, rule.span(),
                            "this rule never decides: the rule at line " + earlier.span().line()
                                    + " matches every request it matches", "remove it");
                    break;
                }
            }
        }
    }

    /** Whether {@code wide} matches every request {@code narrow} matches. */
    static boolean covers(IrRule wide, IrRule narrow) {
        return coversSet(wide.methods(), narrow.methods())
                && coversSet(wide.serviceAccounts(), narrow.serviceAccounts())
                && coversSet(wide.namespaces(), narrow.namespaces())
                && coversPaths(wide.paths(), narrow.paths());
    }

    private static boolean coversSet(Optional<SortedSet<String>> wide, Optional<SortedSet<String>> narrow) {
        return wide.isEmpty() || narrow.isPresent() && wide.get().containsAll(narrow.get());
    }

    private static boolean coversPaths(List<IrPath> wide, List<IrPath> narrow) {
        if (wide.isEmpty()) {
            return true;
        }
        if (narrow.isEmpty()) {
            return false;
        }
        return narrow.stream().allMatch(path -> wide.stream().anyMatch(candidate -> coversPath(candidate, path)));
    }

    private static boolean coversPath(IrPath wide, IrPath narrow) {
        if (wide.kind() == IrPath.Kind.EXACT) {
            return narrow.kind() == IrPath.Kind.EXACT && narrow.normalized().equals(wide.normalized());
        }
        return wide.matches(narrow.normalized());
    }
}
