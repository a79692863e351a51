package dev.palisade.compiler.check;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.Pass;
import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.compiler.waf.CrsSettings;
import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code waf} blocks now, so mistakes surface before the WAF compiles them: modes, CRS
 * settings, exclusions of rules that do not exist, custom rules (ids, phases, variables,
 * transformations, operators, regular expressions, data files) and included files.
 */
public final class CheckWafBlocks implements Pass {

    @Override
    public CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics) {
        Map<Long, Span> customIds = new HashMap<>();
        for (PolicyFile file : unit.files()) {
            for (PolicyDecl policy : file.policies()) {
                policy.waf().ifPresent(waf -> collectCustomIds(waf, customIds, diagnostics));
            }
        }
        for (PolicyFile file : unit.files()) {
            Path directory = Path.of(file.source().name()).toAbsolutePath().getParent();
            for (PolicyDecl policy : file.policies()) {
                policy.waf().ifPresent(waf -> check(waf, customIds, directory, diagnostics));
            }
        }
        return unit;
    }

    private static void collectCustomIds(WafBlock waf, Map<Long, Span> ids, Diagnostics diagnostics) {
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.CustomRule rule && rule.id().value().isPresent()) {
                long id = rule.id().value().getAsLong();
                Span first = ids.putIfAbsent(id, rule.id().span());
                if (first != null) {
                    diagnostics.error(DiagnosticCode.DUPLICATE_RULE_ID, rule.id().span(),
                            "rule id " + id + " is already used at " + first.location());
                }
                if (CrsRuleIds.isCrsRange(id)) {
                    diagnostics.error(DiagnosticCode.RESERVED_RULE_ID, rule.id().span(),
                            "rule id " + id + " is in the range the Core Rule Set reserves (900000-999999)",
                            "pick an id below 900000");
                }
            }
        }
    }

    private void check(WafBlock waf, Map<Long, Span> customIds, Path directory, Diagnostics diagnostics) {
        Path rules = CrsRuleIds.DEBIAN_RULES;
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.Crs crs) {
                rules = CrsSettings.rulesDirectory(crs, directory);
            }
        }
        Optional<Set<Long>> crsIds = CrsRuleIds.in(rules);
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.Mode mode) {
                String word = mode.mode().text();
                if (!word.equals("blocking") && !word.equals("detection")) {
                    diagnostics.error(DiagnosticCode.OUT_OF_RANGE, mode.mode().span(), "unknown WAF mode `" + word + "`",
                            Suggestions.didYouMean(word, List.of("blocking", "detection"))
                                    .orElse("the modes are `blocking` and `detection`"));
                }
            } else if (item instanceof WafBlock.Crs crs) {
                CrsSettings.check(crs, directory, diagnostics);
            } else if (item instanceof WafBlock.Exclusion exclusion) {
                for (WafBlock.RuleIdRange range : exclusion.ids()) {
                    if (range.last().isEmpty()) {
                        excludedId(range.first(), customIds, crsIds, rules, diagnostics);
                    }
                }
                exclusion.target().ifPresent(variable -> CustomRuleChecks.variable(variable, diagnostics));
            } else if (item instanceof WafBlock.CustomRule rule) {
                CustomRuleChecks.rule(rule, diagnostics);
                DataFileChecks.rule(rule, directory, diagnostics);
            } else if (item instanceof WafBlock.SeclangInclude include) {
                Path included = directory.resolve(include.path().value());
                if (!Files.isReadable(included)) {
                    diagnostics.error(DiagnosticCode.MISSING_FILE, include.path().span(),
                            "included file `" + include.path().value() + "` not found",
                            "paths are relative to the policy file's directory");
                } else {
                    // The SecLang is read now, so its mistakes are reported at its own lines.
                    List<SecLangStatement> statements =
                            SecLangStatements.of(SecLangSources.load(included, diagnostics).directives(), diagnostics);
                    SecLangRuleChecks.check(statements, diagnostics);
                    DataFileChecks.secLang(statements, directory, diagnostics);
                }
            } else if (item instanceof WafBlock.SeclangInline inline) {
                // Its syntax is reported when it is lowered; here only its data files are looked for.
                DataFileChecks.secLang(LowerWafBlock.inlineStatements(inline, new Diagnostics()), directory, diagnostics);
            }
        }
    }

    private static void excludedId(NumberLiteral literal, Map<Long, Span> customIds, Optional<Set<Long>> crsIds,
            Path rules, Diagnostics diagnostics) {
        long id = literal.value().orElse(-1);
        if (customIds.containsKey(id) || crsIds.map(ids -> ids.contains(id)).orElse(false)) {
            return;
        }
        if (crsIds.isEmpty() && CrsRuleIds.isCrsRange(id)) {
            diagnostics.warning(DiagnosticCode.UNKNOWN_RULE_ID, literal.span(),
                    "cannot check that rule " + id + " exists: no Core Rule Set at `" + rules + "`",
                    "install Debian's `modsecurity-crs`, or set `crs rules \"DIR\"`");
            return;
        }
        String where = crsIds.isPresent() ? "in the Core Rule Set at `" + rules + "` or " : "";
        diagnostics.error(DiagnosticCode.UNKNOWN_RULE_ID, literal.span(),
                "unknown rule id " + id + ": no rule " + where + "in this bundle has it");
    }
}
