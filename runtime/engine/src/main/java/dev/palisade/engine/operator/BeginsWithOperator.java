package dev.palisade.engine.operator;

/**
 * {@code @beginsWith}: the value starts with the argument (case-sensitive). An empty argument always matches, as in ModSecurity v2 ({@code msre_op_beginsWith_execute}).
 *
 * <pre>SecRule REQUEST_LINE "!@beginsWith GET" "id:1,phase:1,pass"</pre>
 */
final class BeginsWithOperator implements Operator {

    private final Argument argument;

    BeginsWithOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "beginsWith";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return value.startsWith(argument.value(context));
    }
}
