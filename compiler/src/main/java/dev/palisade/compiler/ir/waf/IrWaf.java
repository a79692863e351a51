package dev.palisade.compiler.ir.waf;

import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.ResponseBodyAccess;
import dev.palisade.engine.waf.WafLimits;
import java.util.List;

/** A compiled WAF: engine settings and every rule and marker in load order. */
public record IrWaf(EngineMode mode, WafLimits limits, ResponseBodyAccess responseBodyAccess, List<IrWafItem> items) {
    public IrWaf {
        items = List.copyOf(items);
    }

    /** With ModSecurity's recommended response body settings. */
    public IrWaf(EngineMode mode, WafLimits limits, List<IrWafItem> items) {
        this(mode, limits, ResponseBodyAccess.DEFAULT, items);
    }

    public long ruleCount() {
        return items.stream().filter(IrWafRule.class::isInstance).count();
    }
}
