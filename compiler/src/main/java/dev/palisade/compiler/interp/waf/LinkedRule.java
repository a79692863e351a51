package dev.palisade.compiler.interp.waf;

import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.WafLinking;
import dev.palisade.engine.operator.Operator;
import dev.palisade.engine.transform.Transformation;
import dev.palisade.engine.waf.LiteralScreens;
import dev.palisade.engine.waf.RuleInfo;
import dev.palisade.engine.waf.Transaction;
import dev.palisade.engine.waf.action.Ctl;
import dev.palisade.engine.waf.action.SetVar;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An IR rule with its operator built and transformations and actions resolved: what the
 * interpreter evaluates. Built once per rule set; shared by all transactions.
 */
final class LinkedRule {
    final IrWafRule ir;
    final RuleInfo info;
    final Transformation[] pipeline;
    /** Null for {@code SecAction}, or when {@link #unsupported} says why it cannot run. */
    final Operator operator;
    final String unsupported;
    final List<Consumer<Transaction>> actions;
    final LinkedRule chained;
    /** Null when the link has no literal screen. */
    final LiteralScreens.Screen screen;

    LinkedRule(IrWafRule ir, RuleInfo head, LiteralScreens.Builder screens) {
        this.ir = ir;
        this.info = head != null ? head : WafLinking.info(ir);
        this.pipeline = ir.transformations().stream()
                .map(name -> WafLinking.transformation(name, ir))
                .toArray(Transformation[]::new);
        WafLinking.LinkedOperator linked = WafLinking.operator(ir);
        this.operator = linked.operator();
        this.unsupported = linked.unsupported();
        this.screen = linked.operator() == null ? null : screens.screen(ir.targets(), pipeline, linked.operator(),
                ir.operator().get().negated(), ir.multiMatch());
        this.actions = new ArrayList<>();
        for (IrWafAction action : ir.actions()) {
            actions.add(switch (action.name()) {
                case "setvar" -> SetVar.parse(action.value())::apply;
                case "ctl" -> Ctl.parse(action.value())::apply;
                default -> throw new IllegalStateException("unknown per-match action " + action.name());
            });
        }
        this.chained = ir.chained().map(next -> new LinkedRule(next, this.info, screens)).orElse(null);
    }

    boolean unconditional() {
        return ir.operator().isEmpty();
    }
}
