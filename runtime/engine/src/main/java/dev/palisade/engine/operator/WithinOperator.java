package dev.palisade.engine.operator;

/**
 * {@code @within}: the value occurs in the argument (the reverse of {@code @contains}); an empty value always matches. CRS checks methods and content types with it against space-separated macro lists, so {@code GET} is within {@code "GET HEAD"} — and so is {@code "T H"}, as in ModSecurity.
 *
 * <pre>SecRule REQUEST_METHOD "!@within %{tx.allowed_methods}" "id:1,phase:1,deny"</pre>
 */
final class WithinOperator implements Operator {

    private final Argument argument;

    WithinOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "within";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return argument.value(context).contains(value);
    }
}
