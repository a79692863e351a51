package dev.palisade.engine.operator;

import dev.palisade.engine.operator.libinjection.XssDetector;

/**
 * {@code @detectXSS}: libinjection's cross-site scripting detector. The argument is ignored.
 *
 * <pre>SecRule ARGS "@detectXSS" "id:941100,phase:2,deny"</pre>
 */
final class DetectXssOperator implements Operator {

    @Override
    public String name() {
        return "detectXSS";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return XssDetector.detect(value);
    }
}
