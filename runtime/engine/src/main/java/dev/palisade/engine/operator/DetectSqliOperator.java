package dev.palisade.engine.operator;

import dev.palisade.engine.operator.libinjection.SqlInjectionDetector;

/**
 * {@code @detectSQLi}: libinjection's SQL injection detector; with the {@code capture} action the
 * fingerprint (e.g. {@code s&1c}) goes to TX:0, as in ModSecurity. The argument is ignored.
 *
 * <pre>SecRule ARGS "@detectSQLi" "id:942100,phase:2,capture,deny,msg:'SQLi: %{tx.0}'"</pre>
 */
final class DetectSqliOperator implements Operator {

    @Override
    public String name() {
        return "detectSQLi";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        SqlInjectionDetector.Result result = SqlInjectionDetector.detect(value);
        if (result.injection() && context.capturing()) {
            context.capture(0, result.fingerprint());
        }
        return result.injection();
    }
}
