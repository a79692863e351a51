package dev.palisade.engine.operator;

/**
 * {@code @eq}: the value's leading integer equals the argument's (see {@link NumericComparison}).
 *
 * <pre>SecRule TX:EXECUTING_PARANOIA_LEVEL "@eq 1" "id:1,phase:1,pass"</pre>
 */
final class EqOperator extends NumericComparison {

    EqOperator(String argument) {
        super(argument);
    }

    @Override
    public String name() {
        return "eq";
    }

    @Override
    boolean compare(int value, int operand) {
        return value == operand;
    }
}
