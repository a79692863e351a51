package dev.palisade.engine.operator;

/**
 * {@code @endsWith}: the value ends with the argument (case-sensitive); an empty argument always matches.
 *
 * <pre>SecRule REQUEST_FILENAME "@endsWith /wp-login.php" "id:1,phase:1,pass"</pre>
 */
final class EndsWithOperator implements Operator {

    private final Argument argument;

    EndsWithOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "endsWith";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return value.endsWith(argument.value(context));
    }
}
