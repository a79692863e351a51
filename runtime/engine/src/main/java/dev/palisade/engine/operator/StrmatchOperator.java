package dev.palisade.engine.operator;

/**
 * {@code @strmatch}: the argument occurs in the value (case-sensitive). ModSecurity uses a Boyer–Moore search; the outcome is that of {@code @contains}.
 *
 * <pre>SecRule REQUEST_HEADERS:User-Agent "@strmatch WebZIP" "id:1,phase:1,deny"</pre>
 */
final class StrmatchOperator implements Operator {

    private final Argument argument;

    StrmatchOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "strmatch";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return value.contains(argument.value(context));
    }
}
