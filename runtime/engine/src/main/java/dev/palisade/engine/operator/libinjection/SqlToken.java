package dev.palisade.engine.operator.libinjection;

/**
 * One SQL token. Mutable and reused: the folder keeps a fixed window of them, as upstream does,
 * so detection allocates little.
 *
 * <p>Types are libinjection's one-letter codes (they are the fingerprint alphabet):
 * {@code k} keyword, {@code U} union, {@code B} group, {@code E} expression, {@code t} SQL type,
 * {@code f} function, {@code n} bare word, {@code 1} number, {@code v} variable, {@code s} string,
 * {@code o} operator, {@code &} logic operator, {@code c} comment, {@code A} collate,
 * {@code ( ) { } . , : ;} themselves, {@code T} T-SQL, {@code ?} unknown, {@code X} evil
 * (unparsable), {@code \} backslash.
 */
final class SqlToken {

    /**
     * Upstream keeps a token's text in a 32-byte C string, so only the first 31 characters are
     * kept. That truncation is observable (a 40-char word is never a keyword; printed tokens are
     * cut), so we keep it for fidelity with the fingerprints and the vectors.
     */
    static final int MAX_VALUE_LENGTH = 31;

    static final char KEYWORD = 'k', UNION = 'U', GROUP = 'B', EXPRESSION = 'E', SQL_TYPE = 't',
            FUNCTION = 'f', BAREWORD = 'n', NUMBER = '1', VARIABLE = 'v', STRING = 's',
            OPERATOR = 'o', LOGIC_OPERATOR = '&', COMMENT = 'c', COLLATE = 'A', LEFT_PARENS = '(',
            RIGHT_PARENS = ')', LEFT_BRACE = '{', RIGHT_BRACE = '}', DOT = '.', COMMA = ',',
            COLON = ':', SEMICOLON = ';', TSQL = 'T', UNKNOWN = '?', EVIL = 'X', BACKSLASH = '\\';

    char type;
    int pos;
    /** Length of {@link #val} (after truncation), as upstream's {@code len}. */
    int len;
    String val = "";
    /** Opening and closing quote of a string-like token, 0 when absent (e.g. unterminated). */
    char strOpen;
    char strClose;
    /** Number of leading {@code @} of a variable (1 or 2), to print it back. */
    int count;

    void clear() {
        type = 0;
        pos = 0;
        len = 0;
        val = "";
        strOpen = 0;
        strClose = 0;
        count = 0;
    }

    /** Sets type, position and text {@code source[from, from + length)}, truncated. */
    void assign(char type, int pos, int length, String source, int from) {
        int kept = Math.min(length, MAX_VALUE_LENGTH);
        this.type = type;
        this.pos = pos;
        this.len = kept;
        this.val = source.substring(from, from + kept);
    }

    void assignChar(char type, int pos, char value) {
        this.type = type;
        this.pos = pos;
        this.len = 1;
        this.val = String.valueOf(value);
    }

    void copyFrom(SqlToken other) {
        type = other.type;
        pos = other.pos;
        len = other.len;
        val = other.val;
        strOpen = other.strOpen;
        strClose = other.strClose;
        count = other.count;
    }

    /** First character of the value, or 0 for an empty value (upstream reads the C terminator). */
    char first() {
        return len == 0 ? 0 : val.charAt(0);
    }

    /** Whether the value equals an upper-case word, ignoring the case of ASCII letters. */
    boolean valueIs(String upperWord) {
        if (len != upperWord.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = val.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c -= 0x20;
            }
            if (c != upperWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean isArithmeticOperator() {
        if (type != OPERATOR || len != 1) {
            return false;
        }
        char c = val.charAt(0);
        return c == '*' || c == '/' || c == '-' || c == '+' || c == '%';
    }

    boolean isUnaryOperator() {
        if (type != OPERATOR) {
            return false;
        }
        switch (len) {
            case 1: {
                char c = val.charAt(0);
                return c == '+' || c == '-' || c == '!' || c == '~';
            }
            case 2:
                return val.charAt(0) == '!' && val.charAt(1) == '!';
            case 3:
                return valueIs("NOT");
            default:
                return false;
        }
    }

    /** The token as upstream's test driver prints it: type, space, value with quotes/@. */
    String describe() {
        StringBuilder out = new StringBuilder().append(type).append(' ');
        if (type == VARIABLE) {
            out.append(count >= 1 ? "@" : "").append(count == 2 ? "@" : "");
        }
        boolean quoted = type == STRING || type == VARIABLE;
        if (quoted && strOpen != 0) {
            out.append(strOpen);
        }
        out.append(val);
        if (quoted && strClose != 0) {
            out.append(strClose);
        }
        return out.toString();
    }
}
