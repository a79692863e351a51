package dev.palisade.engine.operator;

/**
 * {@code @streq}: the value equals the argument exactly (case-sensitive).
 *
 * <pre>SecRule REQUEST_METHOD "@streq POST" "id:1,phase:1,pass"</pre>
 */
final class StreqOperator implements Operator {

    private final Argument argument;

    StreqOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "streq";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return value.equals(argument.value(context));
    }
}
