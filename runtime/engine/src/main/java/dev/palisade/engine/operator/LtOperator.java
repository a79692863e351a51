package dev.palisade.engine.operator;

/**
 * {@code @lt}: the value's leading integer is less than the argument's (see {@link NumericComparison}).
 *
 * <pre>SecRule TX:EXECUTING_PARANOIA_LEVEL "@lt 2" "id:1,phase:1,pass,skipAfter:END"</pre>
 */
final class LtOperator extends NumericComparison {

    LtOperator(String argument) {
        super(argument);
    }

    @Override
    public String name() {
        return "lt";
    }

    @Override
    boolean compare(int value, int operand) {
        return value < operand;
    }
}
