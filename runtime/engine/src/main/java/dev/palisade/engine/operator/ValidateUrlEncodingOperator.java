package dev.palisade.engine.operator;

/**
 * {@code @validateUrlEncoding}: matches when a {@code %} is not followed by two hex digits
 * (non-hex digits, or the value ends too soon), as ModSecurity v2 {@code validate_url_encoding}.
 *
 * <pre>SecRule REQUEST_URI "@validateUrlEncoding" "id:920220,phase:1,deny"</pre>
 */
final class ValidateUrlEncodingOperator implements Operator {

    @Override
    public String name() {
        return "validateUrlEncoding";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        for (int k = value.indexOf('%'); k >= 0; k = value.indexOf('%', k + 3)) {
            if (k + 2 >= value.length() || !isHex(value.charAt(k + 1)) || !isHex(value.charAt(k + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
