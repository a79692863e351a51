package dev.palisade.engine.operator;

/**
 * {@code @verifyCC}: a regex match whose digits pass the Luhn check (ModSecurity v2
 * {@code luhn_verify}: at least one digit, weights alternating from the last digit).
 *
 * <pre>SecRule RESPONSE_BODY "@verifyCC \d{13,16}" "id:1,phase:4,deny"</pre>
 */
final class VerifyCcOperator extends NumberVerification {

    VerifyCcOperator(String argument) throws OperatorArgumentException {
        super(argument);
    }

    @Override
    public String name() {
        return "verifyCC";
    }

    @Override
    boolean verify(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = digits.charAt(digits.length() - 1 - k) - '0';
            sum += k % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }
}
