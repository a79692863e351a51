package dev.palisade.engine.operator;

/**
 * {@code @verifyCPF}: a regex match whose digits form a valid Brazilian CPF number (ModSecurity
 * v2 {@code cpf_verify}): eleven digits, not all the same, both mod-11 check digits right.
 *
 * <pre>SecRule RESPONSE_BODY "@verifyCPF \d{3}\.?\d{3}\.?\d{3}-?\d{2}" "id:1,phase:4,deny"</pre>
 */
final class VerifyCpfOperator extends NumberVerification {

    VerifyCpfOperator(String argument) throws OperatorArgumentException {
        super(argument);
    }

    @Override
    public String name() {
        return "verifyCPF";
    }

    @Override
    boolean verify(String digits) {
        if (digits.length() != 11 || allSame(digits)) {
            return false;
        }
        return checkDigit(digits, 9) == digits.charAt(9) - '0' && checkDigit(digits, 10) == digits.charAt(10) - '0';
    }

    private static int checkDigit(String digits, int count) {
        int sum = 0;
        for (int k = 0; k < count; k++) {
            sum += (digits.charAt(k) - '0') * (count + 1 - k);
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
