package dev.palisade.engine.operator;

/**
 * {@code @noMatch}: never matches; the argument is ignored.
 *
 * <pre>SecRule REMOTE_ADDR "@noMatch" "id:1,phase:1,pass"</pre>
 */
final class NoMatchOperator implements Operator {

    @Override
    public String name() {
        return "noMatch";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return false;
    }
}
