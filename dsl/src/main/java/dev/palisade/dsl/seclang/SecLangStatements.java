package dev.palisade.dsl.seclang;

import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.dsl.seclang.SecLangStatement.IdRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Directives → statements: each directive's arguments are counted and parsed. Unknown directives
 * are errors (ModSecurity refuses to start on them too), with the closest known name as help.
 */
public final class SecLangStatements {
    /** Settings the engine reads, with how many values each takes. */
    private static final Map<String, Integer> SETTINGS = Map.ofEntries(
            Map.entry("SecRuleEngine", 1), Map.entry("SecRequestBodyAccess", 1), Map.entry("SecResponseBodyAccess", 1),
            Map.entry("SecRequestBodyLimit", 1), Map.entry("SecRequestBodyNoFilesLimit", 1),
            Map.entry("SecRequestBodyInMemoryLimit", 1), Map.entry("SecRequestBodyLimitAction", 1),
            Map.entry("SecResponseBodyLimit", 1), Map.entry("SecResponseBodyLimitAction", 1),
            Map.entry("SecResponseBodyMimeType", -1), Map.entry("SecArgumentSeparator", 1),
            Map.entry("SecCollectionTimeout", 1), Map.entry("SecComponentSignature", 1),
            Map.entry("SecPcreMatchLimit", 1), Map.entry("SecPcreMatchLimitRecursion", 1),
            Map.entry("SecRequestBodyJsonDepthLimit", 1), Map.entry("SecArgumentsLimit", 1),
            Map.entry("SecTmpDir", 1), Map.entry("SecDataDir", 1), Map.entry("SecUploadDir", 1),
            Map.entry("SecUploadKeepFiles", 1), Map.entry("SecUploadFileMode", 1), Map.entry("SecAuditEngine", 1),
            Map.entry("SecAuditLog", 1), Map.entry("SecAuditLogParts", 1), Map.entry("SecAuditLogType", 1),
            Map.entry("SecAuditLogRelevantStatus", 1), Map.entry("SecAuditLogStorageDir", 1),
            Map.entry("SecAuditLogFormat", 1), Map.entry("SecAuditLogFileMode", 1), Map.entry("SecAuditLogDirMode", 1),
            Map.entry("SecDebugLog", 1), Map.entry("SecDebugLogLevel", 1), Map.entry("SecStatusEngine", 1),
            Map.entry("SecUnicodeMapFile", -1), Map.entry("SecServerSignature", 1), Map.entry("SecWebAppId", 1),
            Map.entry("SecXmlExternalEntity", 1), Map.entry("SecCookieFormat", 1), Map.entry("SecHttpBlKey", 1),
            Map.entry("SecGeoLookupDb", 1), Map.entry("SecTmpSaveUploadedFiles", 1));

    private static final Set<String> RULE_DIRECTIVES = Set.of("SecRule", "SecAction", "SecMarker", "SecDefaultAction",
            "SecRuleRemoveById", "SecRuleRemoveByTag", "SecRuleRemoveByMsg", "SecRuleUpdateTargetById",
            "SecRuleUpdateTargetByTag", "SecRuleUpdateActionById", "Include", "IncludeOptional");

    private SecLangStatements() {}

    public static List<SecLangStatement> of(List<SecLangDirective> directives, Diagnostics diagnostics) {
        List<SecLangStatement> statements = new ArrayList<>();
        for (SecLangDirective directive : directives) {
            statement(directive, diagnostics).ifPresent(statements::add);
        }
        return statements;
    }

    private static Optional<SecLangStatement> statement(SecLangDirective directive, Diagnostics diagnostics) {
        String name = directive.name().text();
        List<StringLiteral> args = directive.arguments();
        switch (name) {
            case "SecRule" -> {
                if (!arguments(directive, 2, 3, "variables, an operator and actions", diagnostics)) {
                    return Optional.empty();
                }
                List<SecLangStatement.Variable> variables = RuleParts.variables(args.get(0), diagnostics);
                List<SecLangStatement.ActionItem> actions = args.size() > 2
                        ? RuleParts.actions(args.get(2), diagnostics) : List.of();
                return Optional.of(new SecLangStatement.Rule(variables, RuleParts.operator(args.get(1)), actions,
                        directive.span()));
            }
            case "SecAction" -> {
                return arguments(directive, 1, 1, "an action list", diagnostics)
                        ? Optional.of(new SecLangStatement.UnconditionalRule(RuleParts.actions(args.get(0), diagnostics),
                                directive.span()))
                        : Optional.empty();
            }
            case "SecDefaultAction" -> {
                return arguments(directive, 1, 1, "an action list", diagnostics)
                        ? Optional.of(new SecLangStatement.DefaultAction(RuleParts.actions(args.get(0), diagnostics),
                                directive.span()))
                        : Optional.empty();
            }
            case "SecMarker" -> {
                return arguments(directive, 1, 1, "a marker name", diagnostics)
                        ? Optional.of(new SecLangStatement.Marker(args.get(0).value(), directive.span()))
                        : Optional.empty();
            }
            case "SecRuleRemoveById" -> {
                List<IdRange> ids = new ArrayList<>();
                for (StringLiteral arg : args) {
                    ids.addAll(ranges(arg, diagnostics));
                }
                return arguments(directive, 1, Integer.MAX_VALUE, "rule ids or ranges", diagnostics)
                        ? Optional.of(new SecLangStatement.RemoveById(ids, directive.span())) : Optional.empty();
            }
            case "SecRuleRemoveByTag", "SecRuleRemoveByMsg" -> {
                return arguments(directive, 1, 1, "a pattern", diagnostics)
                        ? Optional.of(new SecLangStatement.RemoveByMatch(name.endsWith("Tag"), args.get(0).value(),
                                directive.span()))
                        : Optional.empty();
            }
            case "SecRuleUpdateTargetById", "SecRuleUpdateTargetByTag" -> {
                if (!arguments(directive, 2, 3, "a rule and the targets", diagnostics)) {
                    return Optional.empty();
                }
                boolean byId = name.endsWith("Id");
                return Optional.of(new SecLangStatement.UpdateTarget(
                        byId ? Optional.of(ranges(args.get(0), diagnostics)) : Optional.empty(),
                        byId ? Optional.empty() : Optional.of(args.get(0).value()),
                        RuleParts.variables(args.get(1), diagnostics),
                        args.size() > 2 ? Optional.of(RuleParts.variables(args.get(2), diagnostics)) : Optional.empty(),
                        directive.span()));
            }
            case "SecRuleUpdateActionById" -> {
                return arguments(directive, 2, 2, "a rule id and actions", diagnostics)
                        ? Optional.of(new SecLangStatement.UpdateAction(ranges(args.get(0), diagnostics),
                                RuleParts.actions(args.get(1), diagnostics), directive.span()))
                        : Optional.empty();
            }
            default -> {
                Integer count = SETTINGS.get(name);
                if (count == null) {
                    List<String> known = new ArrayList<>(SETTINGS.keySet());
                    known.addAll(RULE_DIRECTIVES);
                    diagnostics.error(DiagnosticCode.UNKNOWN_DIRECTIVE, directive.name().span(),
                            "unknown directive `" + name + "`", Suggestions.didYouMean(name, known).orElse(null));
                    return Optional.empty();
                }
                int most = count < 0 ? Integer.MAX_VALUE : count;
                return arguments(directive, 1, most, count == 1 ? "one value" : "values", diagnostics)
                        ? Optional.of(new SecLangStatement.Setting(name, args.stream().map(StringLiteral::value).toList(),
                                directive.span()))
                        : Optional.empty();
            }
        }
    }

    private static boolean arguments(SecLangDirective directive, int least, int most, String what, Diagnostics diagnostics) {
        int count = directive.arguments().size();
        if (count >= least && count <= most) {
            return true;
        }
        diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, directive.span(), "`" + directive.name().text() + "` takes "
                + what + ", not " + count + " argument" + (count == 1 ? "" : "s"));
        return false;
    }

    /** {@code 942100}, {@code 942100-942999}, or several separated by spaces or commas. */
    static List<IdRange> ranges(StringLiteral argument, Diagnostics diagnostics) {
        List<IdRange> ranges = new ArrayList<>();
        for (String part : argument.value().trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                int dash = part.indexOf('-', 1);
                long first = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
                long last = dash < 0 ? first : Long.parseLong(part.substring(dash + 1));
                if (first < 0 || last < first) {
                    throw new NumberFormatException(part);
                }
                ranges.add(new IdRange(first, last));
            } catch (NumberFormatException notAnId) {
                diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, argument.span(),
                        "`" + part + "` is not a rule id or an id range like `942100-942199`");
            }
        }
        return ranges;
    }
}
