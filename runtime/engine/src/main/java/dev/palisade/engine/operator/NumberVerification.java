package dev.palisade.engine.operator;

/**
 * Shared by {@code @verifyCC}, {@code @verifySSN} and {@code @verifyCPF}: the argument is a regex
 * finding candidates; the value matches when a candidate's digits pass the check. As in
 * ModSecurity v2, every match of the regex in the value is tried, and with the {@code capture}
 * action the candidate that passed goes to TX:0.
 */
abstract class NumberVerification implements Operator {

    private final PcreRegex candidates;

    NumberVerification(String argument) throws OperatorArgumentException {
        this.candidates = PcreRegex.compile(argument);
    }

    /** Whether the digits of a candidate (other bytes removed) pass. */
    abstract boolean verify(String digits);

    @Override
    public final boolean evaluate(String value, OperatorContext context) {
        for (String candidate : candidates.findAll(value)) {
            StringBuilder digits = new StringBuilder(candidate.length());
            for (int k = 0; k < candidate.length(); k++) {
                char c = candidate.charAt(k);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                }
            }
            if (verify(digits.toString())) {
                if (context.capturing()) {
                    context.capture(0, candidate);
                }
                return true;
            }
        }
        return false;
    }

    static boolean allSame(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
