package dev.palisade.engine.operator;

/**
 * {@code @containsWord}: the argument occurs in the value as a whole word, bounded on each side
 * by the value's edge or a byte that is not an ASCII letter, digit or {@code _} (ModSecurity v2
 * {@code msre_op_containsWord_execute}). An empty argument always matches.
 *
 * <pre>SecRule ARGS "@containsWord select" "id:1,phase:2,deny"</pre>
 */
final class ContainsWordOperator implements Operator {

    private final Argument argument;

    ContainsWordOperator(String argument) {
        this.argument = new Argument(argument);
    }

    @Override
    public String name() {
        return "containsWord";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        String word = argument.value(context);
        if (word.isEmpty()) {
            return true;
        }
        for (int at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordByte(value.charAt(at - 1))) && (end == value.length() || !isWordByte(value.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordByte(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
