package dev.palisade.backends.calico;

import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.dsl.diag.Span;
import java.util.List;

/**
 * WAF IR items without what differs between a policy and the SecLang text written for it: spans
 * (the text is another file) and data directories (where the text was read from).
 */
final class SpanFreeWafItems {
    private SpanFreeWafItems() {}

    static List<IrWafItem> of(List<IrWafItem> items) {
        return items.stream().map(SpanFreeWafItems::of).toList();
    }

    private static IrWafItem of(IrWafItem item) {
        if (item instanceof IrWafMarker marker) {
            return new IrWafMarker(marker.name(), Span.NONE);
        }
        IrWafRule r = (IrWafRule) item;
        return new IrWafRule(r.id(), r.phase(), Span.NONE, r.targets(), r.transformations(), r.operator(),
                r.message(), r.logData(), r.severity(), r.tags(), r.disruptive(), r.status(), r.log(), r.capture(),
                r.multiMatch(), r.actions(), r.skipAfter(), r.skip(), r.chained().map(c -> (IrWafRule) of(c)), "");
    }
}
