package dev.palisade.backends.seclang;

import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * This backend's SecLang rendering for a backend that carries a policy's WAF as SecLang text of
 * its own (Calico's WAFPlugin): which IR items are the Core Rule Set's, each other item's text
 * ({@link RuleText}) with the check that it reads back as the same item ({@link RuleReread}), and
 * the policy's changes to the CRS rules ({@link CrsChanges}). Data files are not carried: a rule
 * that reads one is written with its argument as the IR has it.
 */
public final class WafSecLang {
    private final PolicyWaf waf;
    private final Optional<CrsLayout> layout;

    private WafSecLang(PolicyWaf waf) {
        this.waf = waf;
        this.layout = waf.crs().map(CrsLayout::of);
    }

    public static WafSecLang of(PolicyWaf waf) {
        return new WafSecLang(waf);
    }

    /** Whether the item was read from one of the CRS's files (setup or rules). */
    public boolean fromCrs(IrWafItem item) {
        return crsFile(item) >= 0;
    }

    /** Whether the item was read from one of the CRS's rule files, which come after the policy's own rules. */
    public boolean fromCrsRules(IrWafItem item) {
        return crsFile(item) >= layout.map(l -> l.setup().size()).orElse(Integer.MAX_VALUE);
    }

    /** Whether Palisade made the item itself (engine defaults, CRS tuning), not the policy or the CRS. */
    public static boolean generated(IrWafItem item) {
        return item.span().file().startsWith("<");
    }

    /** The item as SecLang; an id-less rule is written with id 0, which no reader accepts. */
    public static String text(IrWafItem item) {
        if (item instanceof IrWafMarker marker) {
            return RuleText.marker(marker);
        }
        IrWafRule rule = (IrWafRule) item;
        return RuleText.rule(rule, rule.id(), DataFileNames.none());
    }

    /** Empty when {@code text} reads back as {@code item}; else what differs, in words for a diagnostic. */
    public static Optional<String> difference(IrWafItem item, String text) {
        if (item instanceof IrWafRule rule && RuleText.redirects(rule)) {
            return Optional.of("it redirects, but the compiled rule keeps no URL to write as `redirect:URL`");
        }
        return RuleReread.difference(item, text, DataFileNames.none());
    }

    /**
     * The directives that make the policy's changes to the CRS rules, to follow the CRS; empty
     * without a CRS. A change no directive makes is an error in {@code diagnostics}.
     */
    public List<String> crsChanges(Diagnostics diagnostics) {
        if (layout.isEmpty()) {
            return List.of();
        }
        return CrsChanges.directives(waf.ir(), waf.crs().get(), layout.get(), diagnostics);
    }

    private int crsFile(IrWafItem item) {
        return layout.map(l -> l.indexOf(item.span().file())).orElse(-1);
    }
}
