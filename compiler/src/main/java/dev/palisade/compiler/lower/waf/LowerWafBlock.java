package dev.palisade.compiler.lower.waf;

import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.compiler.waf.CrsSettings;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.ByteText;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.TargetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A policy's {@code waf} block to the WAF IR. Order, as a ModSecurity deployment would lay it out:
 * engine defaults and CRS setup (when the block has a {@code crs} line), then the policy's own
 * rules and path-scoped exclusions (so a virtual patch can deny before scoring starts), then the
 * CRS rules, then unscoped exclusions (configuration-time, like {@code RESPONSE-999}), then the
 * block's SecLang.
 */
public final class LowerWafBlock {
    private LowerWafBlock() {}

    /**
     * @param directory the policy file's directory: {@code seclang include} paths and
     *     {@code crs rules} are relative to it
     */
    public static IrWaf lower(WafBlock waf, Path directory, Diagnostics diagnostics) {
        EngineMode mode = EngineMode.ON;
        Optional<WafBlock.Crs> crs = Optional.empty();
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.Mode m) {
                mode = m.mode().text().equals("detection") ? EngineMode.DETECTION_ONLY : EngineMode.ON;
            } else if (item instanceof WafBlock.Crs c) {
                crs = Optional.of(c);
            }
        }
        LowerSecLang lower = crs.isPresent() ? CrsRuleSet.beginSetup(crsOptions(crs.get(), mode, directory), diagnostics)
                : new LowerSecLang(mode, diagnostics);
        int internal = 0;
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.CustomRule rule) {
                lower.addRule(customRule(rule, directory));
            } else if (item instanceof WafBlock.Exclusion exclusion && !exclusion.paths().isEmpty()) {
                for (PathMatch path : exclusion.paths()) {
                    lower.addRule(scopedExclusion(exclusion, path, directory));
                }
            }
        }
        crs.ifPresent(c -> CrsRuleSet.addRules(lower, crsOptions(c, EngineMode.ON, directory), diagnostics));
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.Exclusion exclusion && exclusion.paths().isEmpty()) {
                lower.add(SecLangStatements.of(SecLangReader.read(new SourceFile(exclusion.span().file(),
                        padded(exclusion, unscopedExclusion(exclusion))), diagnostics), diagnostics), directory);
            } else if (item instanceof WafBlock.SeclangInclude include) {
                lower.add(SecLangStatements.of(SecLangSources.load(directory.resolve(include.path().value()), diagnostics)
                        .directives(), diagnostics), directory);
            } else if (item instanceof WafBlock.SeclangInline inline) {
                lower.add(inlineStatements(inline, diagnostics), directory);
            }
        }
        lower.mode(mode);
        return lower.finish();
    }

    /** The statements of {@code seclang '...'}, with spans in the policy file. */
    public static List<SecLangStatement> inlineStatements(WafBlock.SeclangInline inline, Diagnostics diagnostics) {
        // Placed where its first character is, so columns on its first line are the policy's too.
        Span start = inline.text().spanAt(0);
        // Read as SecLang files are: bytes, one char each (text past ASCII as its UTF-8 bytes).
        String text = "\n".repeat(Math.max(0, start.line() - 1)) + " ".repeat(Math.max(0, start.column() - 1))
                + bytes(inline.text().value());
        return SecLangStatements.of(SecLangReader.read(new SourceFile(inline.span().file(), text), diagnostics),
                diagnostics);
    }

    /** Text placed on the item's own line, so SecLang diagnostics point into the policy file. */
    private static String padded(WafBlock.Item item, String text) {
        return "\n".repeat(Math.max(0, item.span().line() - 1)) + text;
    }

    private static CrsRuleSet.Options crsOptions(WafBlock.Crs crs, EngineMode mode, Path directory) {
        return CrsSettings.options(crs, mode, directory);
    }

    private static RuleDraft customRule(WafBlock.CustomRule rule, Path directory) {
        RuleDraft head = null;
        RuleDraft last = null;
        int phase = 2;
        for (WafBlock.RuleItem item : rule.items()) {
            if (item instanceof WafBlock.Phase p) {
                phase = phaseNumber(p.phase().text());
            }
        }
        for (WafBlock.RuleItem item : rule.items()) {
            if (item instanceof WafBlock.When when) {
                RuleDraft link = new RuleDraft();
                link.span = when.span();
                link.dataDirectory = directory.toString();
                for (WafBlock.Variable v : when.variables()) {
                    link.targets.add(TargetSpec.of(v.collection().text(), v.member().map(RegexKey::strip).map(LowerWafBlock::bytes),
                            v.member().map(RegexKey::isRegex).orElse(false), v.excluded(), v.count()));
                }
                link.transformations.addAll(when.transformations().stream().map(n -> n.text()).toList());
                link.transformationsReset = true;
                String operator = when.operator().text();
                String argument = when.argument().map(a -> a.value()).orElse("");
                link.operator = Optional.of(new IrWafOperator(operator,
                        FILE_OPERATORS.contains(operator) ? argument : bytes(argument), when.negated()));
                if (head == null) {
                    head = link;
                } else {
                    last.chained = link;
                    last.chainsOn = true;
                }
                last = link;
            }
        }
        if (head == null) {
            head = new RuleDraft();
        }
        head.id = rule.id().value().orElse(0);
        head.span = rule.span();
        head.phase = phase;
        head.message = bytes(rule.message().value());
        head.logData = "Matched Data: %{MATCHED_VAR} found within %{MATCHED_VAR_NAME}";
        head.log = true;
        head.disruptive = Disruptive.PASS;
        for (WafBlock.RuleItem item : rule.items()) {
            if (item instanceof WafBlock.Deny deny) {
                head.disruptive = Disruptive.DENY;
                head.status = (int) deny.status().map(s -> s.value().orElse(403)).orElse(403L).longValue();
            } else if (item instanceof WafBlock.RuleAction action) {
                String value = action.text().map(t -> t.value())
                        .orElseGet(() -> action.number().map(n -> n.text()).orElse(""));
                switch (action.name().text()) {
                    case "severity" -> head.severity = value.toUpperCase(Locale.ROOT);
                    case "tag" -> head.tags.add(bytes(value));
                    case "log" -> head.log = true;
                    case "nolog" -> head.log = false;
                    case "setvar" -> head.actions.add(new IrWafAction("setvar", bytes(value)));
                    case "logdata" -> head.logData = bytes(value);
                    default -> { }
                }
            }
        }
        return head;
    }

    /** A custom rule's {@code phase} as ModSecurity numbers it: the policy language's names, or the number. */
    public static int phaseNumber(String phase) {
        return switch (phase) {
            case "request-headers", "1" -> 1;
            case "response-headers", "3" -> 3;
            case "response-body", "4" -> 4;
            case "logging", "5" -> 5;
            default -> 2;
        };
    }

    /** {@code exclude rule 942100 for ARGS:password on path prefix "/login"}: a {@code ctl} rule in phase 1. */
    private static RuleDraft scopedExclusion(WafBlock.Exclusion exclusion, PathMatch path, Path directory) {
        RuleDraft rule = new RuleDraft();
        rule.span = exclusion.span();
        rule.phase = 1;
        rule.log = false;
        rule.disruptive = Disruptive.PASS;
        rule.dataDirectory = directory.toString();
        rule.targets.add(TargetSpec.of("REQUEST_FILENAME", Optional.empty(), false, false, false));
        String value = bytes(path.path().value());
        rule.operator = Optional.of(path.kind() == PathMatch.Kind.EXACT ? new IrWafOperator("streq", value, false)
                : new IrWafOperator("rx", "^" + regexLiteral(value) + "(?:/|$)", false));
        for (WafBlock.RuleIdRange range : exclusion.ids()) {
            String ids = range.first().text() + range.last().map(l -> "-" + l.text()).orElse("");
            String ctl = exclusion.target().isPresent()
                    ? "ruleRemoveTargetById=" + ids + ";" + variableText(exclusion.target().get())
                    : "ruleRemoveById=" + ids;
            rule.actions.add(new IrWafAction("ctl", ctl));
        }
        return rule;
    }

    /** The configuration-time SecLang for an exclusion that applies everywhere. */
    private static String unscopedExclusion(WafBlock.Exclusion exclusion) {
        StringBuilder text = new StringBuilder();
        for (WafBlock.RuleIdRange range : exclusion.ids()) {
            String ids = range.first().text() + range.last().map(l -> "-" + l.text()).orElse("");
            if (exclusion.target().isPresent()) {
                text.append("SecRuleUpdateTargetById ").append(ids).append(" \"!")
                        .append(variableText(exclusion.target().get())).append("\"\n");
            } else {
                text.append("SecRuleRemoveById ").append(ids).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code value} as a regular expression that matches exactly it. */
    private static String regexLiteral(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\.[](){}*+?^$|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String variableText(WafBlock.Variable v) {
        return v.collection().text() + v.member().map(m -> ":" + bytes(m)).orElse("");
    }

    /** Operators whose argument names a file (resolved as a path), not a value to compare. */
    private static final java.util.Set<String> FILE_OPERATORS = java.util.Set.of("pmFromFile", "pmf", "ipMatchFromFile",
            "ipMatchF");

    /**
     * A policy's text as the WAF holds it. Policies are Unicode (UTF-8 files); the engine sees a
     * request as bytes, one char each, as ModSecurity does and as SecLang files are read, and the
     * WAF IR holds bytes throughout. So {@code "/café"} becomes the chars of its UTF-8 bytes, or it
     * would never equal the request's {@code /caf%C3%A9}; ALP's rule paths are encoded the same way.
     * Messages and tags too, so that every backend writes the IR one way ({@link ByteText}).
     */
    private static String bytes(String text) {
        return ByteText.bytes(text);
    }

    /** A member written {@code /regex/} selects by pattern. */
    private static final class RegexKey {
        static boolean isRegex(String member) {
            return member.length() >= 2 && member.startsWith("/") && member.endsWith("/");
        }

        static String strip(String member) {
            return isRegex(member) ? member.substring(1, member.length() - 1) : member;
        }
    }
}
