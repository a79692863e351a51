package dev.palisade.engine.operator;

/** What the running transaction offers an operator. */
public interface OperatorContext {

    /** Expands {@code %{collection.key}} macros (e.g. {@code %{tx.allowed_methods}}); unknown → empty string. */
    String expand(String macroText);

    /**
     * Whether the rule has the {@code capture} action; when true, rx stores groups 0-9 and
     * detectSQLi its fingerprint in TX:0.
     */
    boolean capturing();

    void capture(int index, String value);

    /**
     * Called when a backtracking regex gave up after its step budget (see {@link PcreRegex});
     * the evaluation then counts as no match. ModSecurity v2 records the same event as
     * {@code TX:MSC_PCRE_LIMITS_EXCEEDED}. The default ignores it.
     */
    default void matchLimitExceeded(String operatorName) {}
}
