package dev.palisade.benchmarks;

import dev.palisade.engine.operator.libinjection.SqlInjectionDetector;
import dev.palisade.engine.operator.libinjection.XssDetector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@code @detectSQLi} / {@code @detectXSS} call ({@link SqlInjectionDetector},
 * {@link XssDetector}) on the inputs a WAF mostly sees: a short benign argument (32 chars), a
 * benign 1 KB text field, and attacks (which return early, at the first context that matches).
 * Target: under 1 µs for the 32-char argument. Setup checks each input is classified as intended.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LibinjectionBenchmark {

    /** A typical form value: words, a comma, no quotes. */
    static final String BENIGN_32 = "Hello, this is a benign argument";

    /** A comment-box text: prose with an apostrophe, digits and punctuation, exactly 1024 chars. */
    static final String BENIGN_1K;

    static final String SQLI_ATTACK = "1' UNION SELECT username, password FROM users-- ";
    static final String XSS_ATTACK = "\"><img src=x onerror=alert(document.cookie)>";

    static {
        String sentence = "We'd like to order 3 boxes of the 250 g coffee, delivered to the office "
                + "at 12 Main Street before Friday; please call Anna if anything is unclear. ";
        StringBuilder text = new StringBuilder();
        while (text.length() < 1024) {
            text.append(sentence);
        }
        BENIGN_1K = text.substring(0, 1024);
    }

    // Instance fields, not the constants: JMH's advice against constant folding of inputs.
    private String benign32 = BENIGN_32;
    private String benign1k = BENIGN_1K;
    private String sqliAttack = SQLI_ATTACK;
    private String xssAttack = XSS_ATTACK;

    @Setup
    public void check() {
        if (BENIGN_32.length() != 32 || BENIGN_1K.length() != 1024) {
            throw new IllegalStateException("benign inputs must be 32 and 1024 chars");
        }
        for (String benign : new String[] {BENIGN_32, BENIGN_1K}) {
            if (SqlInjectionDetector.detect(benign).injection() || XssDetector.detect(benign)) {
                throw new IllegalStateException("benign input flagged: " + benign);
            }
        }
        if (!SqlInjectionDetector.detect(SQLI_ATTACK).injection() || !XssDetector.detect(XSS_ATTACK)) {
            throw new IllegalStateException("attack input not detected");
        }
    }

    @Benchmark
    public SqlInjectionDetector.Result sqliBenign32() {
        return SqlInjectionDetector.detect(benign32);
    }

    @Benchmark
    public SqlInjectionDetector.Result sqliBenign1k() {
        return SqlInjectionDetector.detect(benign1k);
    }

    @Benchmark
    public SqlInjectionDetector.Result sqliAttack() {
        return SqlInjectionDetector.detect(sqliAttack);
    }

    @Benchmark
    public boolean xssBenign32() {
        return XssDetector.detect(benign32);
    }

    @Benchmark
    public boolean xssBenign1k() {
        return XssDetector.detect(benign1k);
    }

    @Benchmark
    public boolean xssAttack() {
        return XssDetector.detect(xssAttack);
    }
}
