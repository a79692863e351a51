package dev.palisade.compiler.lower.waf;

import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangStatement.ActionItem;
import dev.palisade.engine.waf.action.Ctl;
import dev.palisade.engine.waf.action.SetVar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A rule's action list into its draft: meta data, flow, disruptive action, and the per-match actions in order. */
final class RuleActions {
    private RuleActions() {}

    static void apply(RuleDraft rule, List<ActionItem> actions, Diagnostics diagnostics) {
        for (ActionItem action : actions) {
            String value = action.value().orElse("");
            switch (action.name().toLowerCase(Locale.ROOT)) {
                case "id" -> rule.id = number(action, value, diagnostics);
                case "phase" -> rule.phase = phase(action, value, diagnostics);
                case "msg" -> rule.message = value;
                case "logdata" -> rule.logData = value;
                case "severity" -> rule.severity = value;
                case "tag" -> rule.tags.add(value);
                case "t" -> {
                    if (value.equalsIgnoreCase("none")) {
                        rule.transformations.clear();
                        rule.transformationsReset = true;
                    } else {
                        rule.transformations.add(value);
                    }
                }
                case "chain" -> rule.chainsOn = true;
                case "skipafter" -> rule.skipAfter = Optional.of(value);
                case "skip" -> rule.skip = (int) number(action, value, diagnostics);
                case "capture" -> rule.capture = true;
                case "multimatch" -> rule.multiMatch = true;
                case "log" -> rule.log = true;
                case "nolog" -> rule.log = false;
                case "pass" -> disruptive(rule, Disruptive.PASS);
                case "deny" -> disruptive(rule, Disruptive.DENY);
                case "drop" -> disruptive(rule, Disruptive.DROP);
                case "allow" -> disruptive(rule, Disruptive.ALLOW);
                case "redirect" -> disruptive(rule, Disruptive.REDIRECT);
                case "block" -> {
                    rule.blockAction = true;
                    rule.disruptive = null;
                }
                case "status" -> rule.status = (int) number(action, value, diagnostics);
                case "setvar" -> {
                    try {
                        SetVar.parse(value);
                        rule.actions.add(new IrWafAction("setvar", value));
                    } catch (IllegalArgumentException e) {
                        diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, action.span(), e.getMessage());
                    }
                }
                case "ctl" -> {
                    try {
                        Ctl.parse(value);
                        rule.actions.add(new IrWafAction("ctl", value));
                    } catch (IllegalArgumentException e) {
                        diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, action.span(), e.getMessage());
                    }
                }
                // Persistent collections and their timers: nothing persists across requests here.
                case "expirevar", "initcol", "setuid", "setsid", "setrsc", "deprecatevar" -> { }
                // Audit and metadata that do not change the verdict.
                case "auditlog", "noauditlog", "ver", "rev", "accuracy", "maturity", "sanitisematched",
                        "sanitisearg", "sanitiserequestheader", "sanitiseresponseheader", "sanitizematched",
                        "sanitizearg", "append", "prepend", "xmlns", "exec", "setenv", "pause", "proxy" -> { }
                default -> diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, action.span(),
                        "unknown action `" + action.name() + "`");
            }
        }
    }

    private static void disruptive(RuleDraft rule, Disruptive disruptive) {
        rule.disruptive = disruptive;
        rule.blockAction = false;
    }

    private static long number(ActionItem action, String value, Diagnostics diagnostics) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, action.span(),
                    "`" + action.name() + "` needs a number, got `" + value + "`");
            return 0;
        }
    }

    private static int phase(ActionItem action, String value, Diagnostics diagnostics) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1" -> 1;
            case "2", "request" -> 2;
            case "3" -> 3;
            case "4", "response" -> 4;
            case "5", "logging" -> 5;
            default -> {
                diagnostics.error(DiagnosticCode.UNKNOWN_PHASE, action.span(), "unknown phase `" + value + "`",
                        "phases are 1 to 5 (or request, response, logging)");
                yield 2;
            }
        };
    }
}
