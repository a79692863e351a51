package dev.palisade.engine.operator;

/**
 * {@code @unconditionalMatch}: always matches; the argument is ignored.
 *
 * <pre>SecRule REMOTE_ADDR "@unconditionalMatch" "id:1,phase:1,pass,setvar:tx.seen=1"</pre>
 */
final class UnconditionalMatchOperator implements Operator {

    @Override
    public String name() {
        return "unconditionalMatch";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return true;
    }
}
