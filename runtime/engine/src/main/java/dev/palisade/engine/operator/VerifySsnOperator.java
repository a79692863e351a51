package dev.palisade.engine.operator;

/**
 * {@code @verifySSN}: a regex match whose digits form a plausible US social security number
 * (ModSecurity v2 {@code ssn_verify}): nine digits, not all the same, not {@code 123456789},
 * area not 000, 666 or 740 and above, group and serial not zero.
 *
 * <pre>SecRule RESPONSE_BODY "@verifySSN \d{3}-?\d{2}-?\d{4}" "id:1,phase:4,deny"</pre>
 */
final class VerifySsnOperator extends NumberVerification {

    VerifySsnOperator(String argument) throws OperatorArgumentException {
        super(argument);
    }

    @Override
    public String name() {
        return "verifySSN";
    }

    @Override
    boolean verify(String digits) {
        if (digits.length() != 9 || allSame(digits) || digits.equals("123456789")) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0 && area != 666 && area < 740 && group != 0 && serial != 0;
    }
}
