package dev.palisade.engine.operator;

/**
 * {@code @gt}: the value's leading integer is greater than the argument's (see {@link NumericComparison}).
 *
 * <pre>SecRule ARGS_COMBINED_SIZE "@gt 1000" "id:1,phase:2,deny"</pre>
 */
final class GtOperator extends NumericComparison {

    GtOperator(String argument) {
        super(argument);
    }

    @Override
    public String name() {
        return "gt";
    }

    @Override
    boolean compare(int value, int operand) {
        return value > operand;
    }
}
