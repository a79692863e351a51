package dev.palisade.engine.operator.libinjection;

/**
 * SQL injection detection after libinjection, behind ModSecurity's {@code @detectSQLi}:
 *
 * <pre>
 * SecRule ARGS "@detectSQLi" "id:942100,phase:2,block,capture,msg:'SQL Injection Attack Detected via libinjection',logdata:'%{TX.0}'"
 * </pre>
 *
 * <p>The input is tokenized as SQL, folded into at most five tokens, and the string of their
 * types (the fingerprint, e.g. {@code s&1c} for {@code ' or 5=5-- }) is looked up in a set of
 * fingerprints known from attacks; a few checks then drop matches that ordinary text also makes.
 * This is tried in up to five contexts: as-is, as if inside a single-quoted string, as if inside a
 * double-quoted one, each in ANSI or MySQL comment syntax.
 *
 * <p><b>Input:</b> a Java string whose chars are bytes (ISO-8859-1, one char per byte, 0-255), as
 * the WAF passes request data after its transformations. Chars above 0xFF are not expected; they
 * are read as word characters, like bytes 0x80-0xFF.
 *
 * <p>Thread-safe and without shared mutable state; the tables load once, on first use.
 */
public final class SqlInjectionDetector {

    /** The fingerprint of a detection, what CRS logs as {@code TX.0}. */
    public record Result(boolean injection, String fingerprint) {
        static final Result NONE = new Result(false, "");
    }

    private SqlInjectionDetector() {}

    /**
     * Detects SQL injection in {@code input} (bytes as chars, see the class comment). When none is
     * found the fingerprint is empty, as upstream's API returns it.
     */
    public static Result detect(String input) {
        if (input.isEmpty()) {
            return Result.NONE;
        }
        Result found = tryContext(input, (char) 0);
        if (found != null) {
            return found;
        }
        // "1' or '1'='1": the input may sit inside a quoted string of the query.
        if (input.indexOf('\'') >= 0) {
            found = tryContext(input, '\'');
            if (found != null) {
                return found;
            }
        }
        if (input.indexOf('"') >= 0) {
            // Upstream tries double quotes in MySQL mode only (the dialect where they quote strings).
            SqlFingerprint pass = SqlFingerprint.of(input, '"', true);
            if (pass.isInjection()) {
                return new Result(true, pass.fingerprint);
            }
        }
        return Result.NONE;
    }

    /** ANSI first; MySQL comment syntax only when the ANSI pass saw "--x" or "#". */
    private static Result tryContext(String input, char quoteContext) {
        SqlFingerprint ansi = SqlFingerprint.of(input, quoteContext, false);
        if (ansi.isInjection()) {
            return new Result(true, ansi.fingerprint);
        }
        if (ansi.worthMysqlPass()) {
            SqlFingerprint mysql = SqlFingerprint.of(input, quoteContext, true);
            if (mysql.isInjection()) {
                return new Result(true, mysql.fingerprint);
            }
        }
        return null;
    }
}
