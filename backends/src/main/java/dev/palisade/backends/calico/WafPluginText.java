package dev.palisade.backends.calico;

import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatements;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SecLang a policy's WAF needs beyond what a (Global)WAFPolicy's fields say, in the four
 * slots of a Calico WAFPlugin, placed as Palisade's own WAF loads them (see
 * {@code LowerWafBlock}):
 *
 * <ul>
 *   <li>{@code config} (before the CRS rules, after its setup): the {@code crs} line's anomaly
 *       thresholds and limits, as the SecActions of {@code crs-setup.conf} with their documented
 *       ids; the paranoia level is the policy's {@code coreRuleSet.paranoiaLevel};
 *   <li>{@code before}: custom rules ({@link WafCustomRuleText}), and path-scoped exclusions,
 *       which are not rendered yet (P0624, an error: leaving them out would weaken the WAF);
 *   <li>{@code rules}: unused: Palisade puts nothing alongside the CRS rules;
 *   <li>{@code after}: exclusions that apply everywhere ({@code SecRuleRemoveById},
 *       {@code SecRuleUpdateTargetById}) and the block's {@code seclang} text, in block order;
 *       an included file's text goes in verbatim, from the build's sources.
 * </ul>
 */
record WafPluginText(String config, String before, String rules, String after) {
    /** The CRD's limit on each slot. */
    static final int MAX_SLOT_LENGTH = 65_536;

    private static final Pattern INCLUDE = Pattern.compile("(?im)^\\s*Include\\s");

    boolean isEmpty() {
        return config.isEmpty() && before.isEmpty() && rules.isEmpty() && after.isEmpty();
    }

    /** The policy's plugin text; what cannot be carried exactly is reported at the line that needs it. */
    static WafPluginText of(PolicyWaf waf, PolicyDecl declaration, Map<String, String> sources,
            Diagnostics diagnostics) {
        String config = waf.crs().map(WafPluginText::crsSetup).orElse("");
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        Optional<WafBlock> block = declaration == null ? Optional.empty() : declaration.waf();
        for (WafBlock.Item item : block.map(WafBlock::items).orElse(List.of())) {
            if (item instanceof WafBlock.CustomRule rule) {
                WafCustomRuleText.render(rule, diagnostics).ifPresent(before::append);
            } else if (item instanceof WafBlock.Exclusion exclusion && !exclusion.paths().isEmpty()) {
                notRendered(exclusion.span(), "a path-scoped exclusion", diagnostics);
            } else if (item instanceof WafBlock.Exclusion exclusion) {
                after.append(unscopedExclusion(exclusion));
            } else if (item instanceof WafBlock.SeclangInline inline) {
                dataFiles(LowerWafBlock.inlineStatements(inline, new Diagnostics()), diagnostics);
                after.append(lines(inline.text().value()));
            } else if (item instanceof WafBlock.SeclangInclude include) {
                included(include, sources, diagnostics).ifPresent(text -> after.append(lines(text)));
            }
        }
        WafPluginText text = new WafPluginText(config, before.toString(), "", after.toString());
        for (String slot : List.of(text.before(), text.after())) {
            if (slot.length() > MAX_SLOT_LENGTH) {
                diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, block.map(WafBlock::span).orElse(Span.NONE),
                        "the WAF's SecLang is " + slot.length() + " characters, more than a Calico WAFPlugin slot"
                                + " holds (" + MAX_SLOT_LENGTH + ")", "split the rules over several policies");
            }
        }
        return text;
    }

    /** The crs line's thresholds and limits, as crs-setup.conf would set them. */
    private static String crsSetup(CrsRuleSet.Options crs) {
        StringBuilder text = new StringBuilder();
        text.append(secAction(900_110, "tx.inbound_anomaly_score_threshold=" + crs.inboundThreshold()
                + ",setvar:tx.outbound_anomaly_score_threshold=" + crs.outboundThreshold()));
        int unlisted = 900_900;
        for (String setting : crs.tuning()) {
            // crs-setup's documented ids, for CRS 3 too (it uses the same ones)
            Optional<Integer> id = CrsRuleSet.documentedSetupId(setting);
            text.append(secAction(id.isPresent() ? id.get() : unlisted++, setting));
        }
        return text.toString();
    }

    private static String secAction(int id, String setvar) {
        return "SecAction \"id:" + id + ",phase:1,pass,t:none,nolog,setvar:" + setvar + "\"\n";
    }

    private static String unscopedExclusion(WafBlock.Exclusion exclusion) {
        StringBuilder text = new StringBuilder();
        for (WafBlock.RuleIdRange range : exclusion.ids()) {
            String ids = range.first().text() + range.last().map(l -> "-" + l.text()).orElse("");
            if (exclusion.target().isPresent()) {
                WafBlock.Variable v = exclusion.target().get();
                text.append("SecRuleUpdateTargetById ").append(ids).append(" \"!").append(v.collection().text())
                        .append(v.member().map(m -> ":" + m).orElse("")).append("\"\n");
            } else {
                text.append("SecRuleRemoveById ").append(ids).append('\n');
            }
        }
        return text.toString();
    }

    /** An included file's text; a nested {@code Include} names a file Calico cannot see. */
    private static Optional<String> included(WafBlock.SeclangInclude include, Map<String, String> sources,
            Diagnostics diagnostics) {
        Path file = Path.of(include.span().file()).toAbsolutePath().getParent().resolve(include.path().value())
                .normalize();
        // From the sources the build read, not the disk: the emitter is a function of its input.
        Optional<String> found = sources.entrySet().stream()
                .filter(source -> Path.of(source.getKey()).toAbsolutePath().normalize().equals(file))
                .map(Map.Entry::getValue).findFirst();
        if (found.isEmpty()) {
            diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, include.path().span(),
                    "`" + include.path().value() + "` is not UTF-8 text, which a Calico WAFPlugin holds");
            return Optional.empty();
        }
        String text = found.get();
        Diagnostics ignored = new Diagnostics(); // checked before the build
        dataFiles(SecLangStatements.of(SecLangReader.read(new SourceFile(file.toString(), text), ignored), ignored),
                diagnostics);
        if (INCLUDE.matcher(text).find()) {
            diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, include.path().span(),
                    "`" + include.path().value() + "` includes other files, which a Calico WAFPlugin cannot",
                    "include each file from the policy's waf block instead");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * A plugin is text in the WAF's configuration: a data file next to the policy is not where
     * Calico's WAF runs, so a rule that reads one would never match there. (A custom rule that
     * reads one is reported by {@link WafCustomRuleText}.)
     */
    private static void dataFiles(List<SecLangStatement> statements, Diagnostics diagnostics) {
        for (SecLangStatement statement : statements) {
            if (statement instanceof SecLangStatement.Rule rule && WafDataFiles.readsFiles(rule.operator().name())) {
                dataFileNotCarried(rule.operator().name(), rule.operator().nameSpan(), diagnostics);
            }
        }
    }

    private static void dataFileNotCarried(String operator, Span span, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, span, "`@" + operator + "` reads a data file, which"
                + " a Calico WAFPlugin cannot carry: its rules are text, and Calico's WAF has no file at that path",
                "list the phrases with `@pm` (or the networks with `@ipMatch`), or deploy with the Palisade runtime");
    }

    /** A ctl rule needs a rule id of its own, from a range Calico allocates per namespace. */
    private static void notRendered(Span span, String what, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, span, what + " is not emitted to a Calico WAFPlugin"
                + " yet; without it Calico's WAF would refuse requests this policy lets through",
                "exclude the rule everywhere (without `on path`), or deploy with the Palisade runtime");
    }

    private static String lines(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
