package dev.palisade.engine.operator;

/**
 * {@code @ge}: the value's leading integer is at least the argument's (see {@link NumericComparison}).
 *
 * <pre>SecRule TX:ANOMALY_SCORE "@ge %{tx.inbound_anomaly_score_threshold}" "id:1,phase:2,deny"</pre>
 */
final class GeOperator extends NumericComparison {

    GeOperator(String argument) {
        super(argument);
    }

    @Override
    public String name() {
        return "ge";
    }

    @Override
    boolean compare(int value, int operand) {
        return value >= operand;
    }
}
