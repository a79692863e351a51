package dev.palisade.compiler.check;

import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatement.ActionItem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a rule set must pass before it is lowered: every rule (chain head) and SecAction
 * has a unique numeric id, a chain is followed by the rule it chains to, skipAfter names a marker
 * or rule that exists, and every operator, variable, transformation, action and phase is known.
 */
public final class SecLangRuleChecks {
    private SecLangRuleChecks() {}

    public static void check(List<SecLangStatement> statements, Diagnostics diagnostics) {
        Set<String> targets = new HashSet<>();
        for (SecLangStatement statement : statements) {
            if (statement instanceof SecLangStatement.Marker marker) {
                targets.add(marker.name());
            }
            actions(statement).flatMap(list -> value(list, "id")).ifPresent(targets::add);
        }
        Map<Long, Span> ids = new HashMap<>();
        boolean chained = false;
        for (int i = 0; i < statements.size(); i++) {
            SecLangStatement statement = statements.get(i);
            Optional<List<ActionItem>> actions = actions(statement);
            if (actions.isEmpty()) {
                if (chained) {
                    chainWithoutRule(statements.get(i - 1).span(), diagnostics);
                    chained = false;
                }
                continue;
            }
            if (statement instanceof SecLangStatement.Rule rule) {
                rule.variables().forEach(variable -> WafCatalog.checkKnown(variable.collection(), variable.span(),
                        WafCatalog.VARIABLES, DiagnosticCode.UNKNOWN_VARIABLE, "variable", diagnostics));
                WafCatalog.checkKnown(rule.operator().name(), rule.operator().nameSpan(), WafCatalog.OPERATORS,
                        DiagnosticCode.UNKNOWN_OPERATOR, "operator", diagnostics);
            }
            boolean isDefault = statement instanceof SecLangStatement.DefaultAction;
            if (!chained && !isDefault) {
                id(statement, actions.get(), ids, diagnostics);
            }
            for (ActionItem action : actions.get()) {
                action(action, targets, diagnostics);
            }
            chained = !isDefault && actions.get().stream().anyMatch(action -> action.name().equals("chain"));
        }
        if (chained) {
            chainWithoutRule(statements.get(statements.size() - 1).span(), diagnostics);
        }
    }

    private static void chainWithoutRule(Span chainHead, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, chainHead, "this rule ends in `chain` but no rule follows it",
                "add the chained `SecRule`, or drop `chain`");
    }

    private static void id(SecLangStatement statement, List<ActionItem> actions, Map<Long, Span> ids,
            Diagnostics diagnostics) {
        Optional<ActionItem> id = actions.stream().filter(action -> action.name().equals("id")).findFirst();
        if (id.isEmpty()) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, statement.span(), "rule has no `id` action",
                    "every SecRule and SecAction needs `id:NUMBER`");
            return;
        }
        try {
            long value = Long.parseLong(id.get().value().orElse("").trim());
            Span first = ids.putIfAbsent(value, id.get().span());
            if (first != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_RULE_ID, id.get().span(),
                        "rule id " + value + " is already used at " + first.location());
            }
        } catch (NumberFormatException notNumeric) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, id.get().span(), "rule id `"
                    + id.get().value().orElse("") + "` is not a number");
        }
    }

    private static void action(ActionItem action, Set<String> targets, Diagnostics diagnostics) {
        WafCatalog.checkKnown(action.name(), action.span(), WafCatalog.SECLANG_ACTIONS, DiagnosticCode.UNKNOWN_OPERATOR,
                "action", diagnostics);
        String value = action.value().orElse("");
        switch (action.name()) {
            case "t" -> WafCatalog.checkKnown(value, action.span(), WafCatalog.TRANSFORMATIONS,
                    DiagnosticCode.UNKNOWN_TRANSFORMATION, "transformation", diagnostics);
            case "phase" -> WafCatalog.checkKnown(value, action.span(), WafCatalog.SECLANG_PHASES,
                    DiagnosticCode.UNKNOWN_PHASE, "phase", diagnostics);
            case "skipAfter" -> {
                if (!targets.contains(value)) {
                    diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, action.span(),
                            "`skipAfter` names `" + value + "`, but no SecMarker or rule id has that name");
                }
            }
            default -> { }
        }
    }


    private static Optional<String> value(List<ActionItem> actions, String name) {
        return actions.stream().filter(action -> action.name().equals(name)).findFirst().flatMap(ActionItem::value);
    }

    private static Optional<List<ActionItem>> actions(SecLangStatement statement) {
        if (statement instanceof SecLangStatement.Rule rule) {
            return Optional.of(rule.actions());
        }
        if (statement instanceof SecLangStatement.UnconditionalRule action) {
            return Optional.of(action.actions());
        }
        if (statement instanceof SecLangStatement.DefaultAction defaults) {
            return Optional.of(defaults.actions());
        }
        return Optional.empty();
    }
}
