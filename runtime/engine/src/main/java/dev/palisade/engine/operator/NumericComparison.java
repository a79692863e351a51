package dev.palisade.engine.operator;

/**
 * Shared by {@code @eq}, {@code @ge}, {@code @gt}, {@code @le}, {@code @lt}: both the value and
 * the (macro-expanded) argument are read as ModSecurity reads them — the leading integer of the
 * string, after optional whitespace and sign, else 0 ({@code atoi}; libmodsecurity's
 * {@code std::stoi} also gives 0 when the number does not fit in an {@code int}, as here).
 */
abstract class NumericComparison implements Operator {

    private final Argument argument;
    private final int constant;

    NumericComparison(String argument) {
        this.argument = new Argument(argument);
        this.constant = this.argument.isMacro() ? 0 : leadingInteger(argument);
    }

    /** Whether {@code value} relates to {@code operand} as this operator asks. */
    abstract boolean compare(int value, int operand);

    @Override
    public final boolean evaluate(String value, OperatorContext context) {
        int operand = argument.isMacro() ? leadingInteger(argument.value(context)) : constant;
        return compare(leadingInteger(value), operand);
    }

    static int leadingInteger(String text) {
        int i = 0;
        int length = text.length();
        while (i < length && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long result = 0;
        int digits = 0;
        for (; i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++, digits++) {
            result = result * 10 + (text.charAt(i) - '0');
            if (result > (long) Integer.MAX_VALUE + 1) {
                return 0;
            }
        }
        result = negative ? -result : result;
        return digits == 0 || result > Integer.MAX_VALUE || result < Integer.MIN_VALUE ? 0 : (int) result;
    }

    // C isspace in the "C" locale.
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
