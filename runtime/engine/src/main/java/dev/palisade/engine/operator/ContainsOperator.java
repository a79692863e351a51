package dev.palisade.engine.operator;

/**
 * {@code @contains}: the argument occurs in the value (case-sensitive); an empty argument always matches.
 *
 * <pre>SecRule REQUEST_URI "@contains /admin" "id:1,phase:1,pass"</pre>
 */
final class ContainsOperator implements Operator {

    private final Argument argument;

    ContainsOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "contains";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return value.contains(argument.value(context));
    }
}
