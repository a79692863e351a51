package dev.palisade.compiler.waf;

import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.engine.operator.Operator;
import dev.palisade.engine.operator.OperatorArgumentException;
import dev.palisade.engine.operator.Operators;
import dev.palisade.engine.transform.Transformation;
import dev.palisade.engine.transform.Transformations;
import dev.palisade.engine.waf.RuleInfo;
import java.nio.file.Path;

/**
 * IR rules to the engine objects that run them, one way for the interpreter and the generated
 * class alike: so both report the same rules as unsupported and log the same rule info.
 */
public final class WafLinking {
    private WafLinking() {}

    /**
     * A rule's operator, or why it cannot run ({@code @rbl} and the like).
     *
     * @param operator null for {@code SecAction} and for an unsupported operator
     * @param unsupported the reason, or null
     */
    public record LinkedOperator(Operator operator, String unsupported) {}

    /** What a chain head logs for the whole chain. */
    public static RuleInfo info(IrWafRule head) {
        return new RuleInfo(head.id(), head.phase(), head.message(), head.logData(), head.severity(), head.tags(),
                head.span().location());
    }

    public static LinkedOperator operator(IrWafRule rule) {
        if (rule.operator().isEmpty()) {
            return new LinkedOperator(null, null);
        }
        try {
            return new LinkedOperator(Operators.create(rule.operator().get().name(), rule.operator().get().argument(),
                    Path.of(rule.dataDirectory())), null);
        } catch (OperatorArgumentException e) {
            return new LinkedOperator(null, e.getMessage());
        }
    }

    /** The transformation {@code name} of {@code rule}; the checks reject unknown names before lowering. */
    public static Transformation transformation(String name, IrWafRule rule) {
        return Transformations.named(name).orElseThrow(
                () -> new IllegalStateException("unknown transformation " + name + " at " + rule.span().location()));
    }
}
