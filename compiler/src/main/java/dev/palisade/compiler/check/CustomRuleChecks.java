package dev.palisade.compiler.check;

import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Suggestions;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks of one custom rule (virtual patch), against {@link WafCatalog}. */
final class CustomRuleChecks {
    private CustomRuleChecks() {}

    static void rule(WafBlock.CustomRule rule, Diagnostics diagnostics) {
        boolean hasCondition = false;
        for (WafBlock.RuleItem item : rule.items()) {
            if (item instanceof WafBlock.Phase phase) {
                known(phase.phase(), WafCatalog.PHASES, DiagnosticCode.UNKNOWN_PHASE, "phase", diagnostics);
            } else if (item instanceof WafBlock.When when) {
                hasCondition = true;
                when.variables().forEach(variable -> variable(variable, diagnostics));
                when.transformations().forEach(name ->
                        known(name, WafCatalog.TRANSFORMATIONS, DiagnosticCode.UNKNOWN_TRANSFORMATION, "transformation", diagnostics));
                Name operator = when.operator();
                if (!WafCatalog.OPERATORS.contains(operator.text())) {
                    diagnostics.error(DiagnosticCode.UNKNOWN_OPERATOR, operator.span(), "unknown operator `@" + operator.text() + "`",
                            Suggestions.closest(operator.text(), WafCatalog.OPERATORS).map(found -> "did you mean `@" + found + "`?").orElse(null));
                } else if (operator.text().equals("rx") && when.argument().isPresent()) {
                    try {
                        Pattern.compile(when.argument().get().value());
                    } catch (PatternSyntaxException bad) {
                        diagnostics.error(DiagnosticCode.INVALID_REGEX, when.argument().get().spanAt(Math.max(0, bad.getIndex())),
                                "invalid regular expression: " + bad.getDescription());
                    }
                }
            } else if (item instanceof WafBlock.Deny deny) {
                deny.status().ifPresent(status -> {
                    long value = status.value().orElse(0);
                    if (value < 400 || value > 599) {
                        diagnostics.error(DiagnosticCode.INVALID_STATUS, status.span(),
                                "status " + status.text() + " is not an error status", "deny with a status from 400 to 599");
                    }
                });
            } else if (item instanceof WafBlock.RuleAction action) {
                known(action.name(), WafCatalog.RULE_ACTIONS, DiagnosticCode.UNKNOWN_OPERATOR, "action", diagnostics);
            }
        }
        if (!hasCondition) {
            diagnostics.error(DiagnosticCode.OUT_OF_RANGE, rule.id().span(), "rule " + rule.id().text() + " has no `when` condition",
                    "add `when VARIABLE @operator \"argument\"`");
        }
    }

    static void variable(WafBlock.Variable variable, Diagnostics diagnostics) {
        known(variable.collection(), WafCatalog.VARIABLES, DiagnosticCode.UNKNOWN_VARIABLE, "variable", diagnostics);
    }

    private static void known(Name name, java.util.Set<String> catalog, DiagnosticCode code, String what, Diagnostics diagnostics) {
        WafCatalog.checkKnown(name.text(), name.span(), catalog, code, what, diagnostics);
    }
}
