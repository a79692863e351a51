package dev.palisade.backends.calico;

import dev.palisade.backends.BuildInput.PolicySpans;
import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.backends.seclang.WafSecLang;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SecLang a policy's WAF needs beyond what a (Global)WAFPolicy's fields say, in the four
 * slots of a Calico WAFPlugin, read from the policy's WAF IR and placed as Palisade's own WAF
 * loads it (see {@code LowerWafBlock}):
 *
 * <ul>
 *   <li>{@code config} (before the CRS rules, after its setup): the {@code crs} line's anomaly
 *       thresholds and limits, as the SecActions of {@code crs-setup.conf} with their documented
 *       ids; the paranoia level is the policy's {@code coreRuleSet.paranoiaLevel};
 *   <li>{@code before}: the policy's rules that run before the CRS rules (custom rules; all of
 *       its rules when it has no {@code crs} line); path-scoped exclusions are rules without an
 *       id, which Calico would have to allocate per namespace: not rendered yet (P0624, an error:
 *       leaving them out would weaken the WAF);
 *   <li>{@code rules}: unused: Palisade puts nothing alongside the CRS rules;
 *   <li>{@code after}: the policy's changes to CRS rules ({@code SecRuleRemoveById},
 *       {@code SecRuleUpdateTargetById}, from what the IR kept of them), then the rules after the
 *       CRS (the block's SecLang, included files' too).
 * </ul>
 *
 * <p>The rules are the SecLang backend's text ({@link WafSecLang}), every resolved action
 * written out; the CRS's own items and Palisade's generated ones are not: Calico's WAF loads its
 * own Core Rule Set, and {@code config} sets what Palisade's CRS tuning sets.
 */
record WafPluginText(String config, String before, String rules, String after) {
    /** The CRD's limit on each slot. */
    static final int MAX_SLOT_LENGTH = 65_536;

    boolean isEmpty() {
        return config.isEmpty() && before.isEmpty() && rules.isEmpty() && after.isEmpty();
    }

    /** The policy's plugin text; what cannot be carried exactly is reported at the line that needs it. */
    static WafPluginText of(PolicyWaf waf, PolicySpans spans, Span policySpan, Diagnostics diagnostics) {
        String config = waf.crs().map(WafPluginText::crsSetup).orElse("");
        WafSecLang secLang = WafSecLang.of(waf);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        secLang.crsChanges(diagnostics).forEach(line -> after.append(line).append('\n'));
        boolean crsRulesSeen = false;
        Set<Span> reported = new HashSet<>();
        for (IrWafItem item : waf.ir().items()) {
            if (secLang.fromCrs(item)) {
                crsRulesSeen |= secLang.fromCrsRules(item);
            } else if (!WafSecLang.generated(item)) {
                StringBuilder slot = crsRulesSeen ? after : before;
                render(item, spans, reported, diagnostics).ifPresent(text -> slot.append(text).append('\n'));
            }
        }
        WafPluginText text = new WafPluginText(config, before.toString(), "", after.toString());
        for (String slot : List.of(text.before(), text.after())) {
            if (slot.length() > MAX_SLOT_LENGTH) {
                diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, spans.waf().orElse(policySpan),
                        "the WAF's SecLang is " + slot.length() + " characters, more than a Calico WAFPlugin slot"
                                + " holds (" + MAX_SLOT_LENGTH + ")", "split the rules over several policies");
            }
        }
        return text;
    }

    /** One of the policy's items as SecLang; empty, with an error, when a WAFPlugin cannot carry it. */
    private static Optional<String> render(IrWafItem item, PolicySpans spans, Set<Span> reported,
            Diagnostics diagnostics) {
        if (item instanceof IrWafRule rule) {
            if (rule.id() == 0) {
                // One exclusion on several paths is several rules at the same span: one error.
                if (reported.add(rule.span())) {
                    if (scopedExclusion(rule)) {
                        notRendered(rule.span(), "a path-scoped exclusion", "exclude the rule everywhere (without"
                                + " `on path`), or deploy with the Palisade runtime", diagnostics);
                    } else {
                        notRendered(rule.span(), "a rule without an id", "give the rule an `id`", diagnostics);
                    }
                }
                return Optional.empty();
            }
            if (readsDataFile(rule, spans, diagnostics)) {
                return Optional.empty();
            }
        }
        String text = WafSecLang.text(item);
        Optional<String> problem = WafSecLang.difference(item, text);
        if (problem.isPresent()) {
            diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, item.span(), "this cannot be written as SecLang"
                    + " exactly for a Calico WAFPlugin: " + problem.get(),
                    "write the value without single quotes or line breaks, or deploy with the Palisade runtime");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static boolean scopedExclusion(IrWafRule rule) {
        return rule.actions().stream().map(IrWafAction::name).anyMatch("ctl"::equals);
    }

    /**
     * A plugin is text in the WAF's configuration: a data file next to the policy is not where
     * Calico's WAF runs, so a rule that reads one would never match there. Reported at the
     * operator of a SecLang rule, at a custom rule (which has no operator span of its own here).
     */
    private static boolean readsDataFile(IrWafRule head, PolicySpans spans, Diagnostics diagnostics) {
        boolean reads = false;
        for (IrWafRule link = head; link != null; link = link.chained().orElse(null)) {
            if (link.operator().isEmpty() || !WafDataFiles.readsFiles(link.operator().get().name())) {
                continue;
            }
            reads = true;
            String operator = link.operator().get().name();
            Span at = spans.dataFileOperators().get(link.span());
            if (at != null) {
                diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, at, "`@" + operator + "` reads a data file,"
                        + " which a Calico WAFPlugin cannot carry: its rules are text, and Calico's WAF has no file"
                        + " at that path", DATA_FILE_HELP);
            } else {
                diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, head.span(), "custom rule " + head.id()
                        + " cannot be carried by a Calico WAFPlugin: @" + operator + " reads a file Calico's WAF"
                        + " does not have", DATA_FILE_HELP);
            }
        }
        return reads;
    }

    private static final String DATA_FILE_HELP = "list the phrases with `@pm` (or the networks with `@ipMatch`),"
            + " or deploy with the Palisade runtime";

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

    /** A ctl rule needs a rule id of its own, from a range Calico allocates per namespace. */
    private static void notRendered(Span span, String what, String help, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, span, what + " is not emitted to a Calico WAFPlugin"
                + " yet; without it Calico's WAF would " + (what.contains("exclusion")
                        ? "refuse requests this policy lets through" : "not run it"), help);
    }
}
