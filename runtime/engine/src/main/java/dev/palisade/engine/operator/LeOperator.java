package dev.palisade.engine.operator;

/**
 * {@code @le}: the value's leading integer is at most the argument's (see {@link NumericComparison}).
 *
 * <pre>SecRule REQUEST_HEADERS:Content-Length "@le 0" "id:1,phase:1,pass"</pre>
 */
final class LeOperator extends NumericComparison {

    LeOperator(String argument) {
        super(argument);
    }

    @Override
    public String name() {
        return "le";
    }

    @Override
    boolean compare(int value, int operand) {
        return value <= operand;
    }
}
