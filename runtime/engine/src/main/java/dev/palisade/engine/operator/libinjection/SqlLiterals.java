package dev.palisade.engine.operator.libinjection;

/**
 * The literal parsers of {@link SqlTokenizer}: quoted strings in their dialect variants, numbers,
 * money and dollar-quoted strings. Each reads at {@code t.pos}, fills {@code t.current} and
 * returns the position after the literal (always greater than {@code t.pos}).
 */
final class SqlLiterals {

    private static final String DIGITS = "0123456789";
    private static final String HEX_DIGITS = "0123456789ABCDEFabcdef";
    private static final String LETTERS = "abcdefghjiklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private SqlLiterals() {}

    /** A string opened by the quote at {@code t.pos}. */
    static int string(SqlTokenizer t) {
        return stringCore(t, t.pos, t.s.charAt(t.pos), 1);
    }

    /**
     * A string delimited by {@code delim}, its text starting at {@code pos + offset}; offset 0 means
     * the opening quote is only assumed (quote context). A quote preceded by an odd number of
     * backslashes, or doubled ({@code ''}), does not end the string.
     */
    static int stringCore(SqlTokenizer t, int pos, char delim, int offset) {
        String s = t.s;
        int start = pos + offset;
        SqlToken st = t.current;
        st.strOpen = offset > 0 ? delim : 0;
        int q = s.indexOf(delim, start);
        while (true) {
            if (q < 0) {
                st.assign(SqlToken.STRING, start, t.slen - start, s, start);
                st.strClose = 0;
                return t.slen;
            } else if (backslashEscaped(s, q - 1, start)) {
                q = s.indexOf(delim, q + 1);
            } else if (q + 1 < t.slen && s.charAt(q + 1) == delim) {
                q = s.indexOf(delim, q + 2);
            } else {
                st.assign(SqlToken.STRING, start, q - start, s, start);
                st.strClose = delim;
                return q + 1;
            }
        }
    }

    /** Whether an odd number of backslashes ends at {@code end} (not looking before {@code start}). */
    private static boolean backslashEscaped(String s, int end, int start) {
        int i = end;
        while (i >= start && s.charAt(i) == '\\') {
            i--;
        }
        return ((end - i) & 1) == 1;
    }

    /** PostgreSQL E'...' and MySQL N'...': a string after a one-letter prefix, else a word. */
    static int escapedString(SqlTokenizer t) {
        if (t.pos + 2 >= t.slen || t.s.charAt(t.pos + 1) != '\'') {
            return t.word();
        }
        return stringCore(t, t.pos, '\'', 2);
    }

    /** PostgreSQL U&'...'. */
    static int unicodeString(SqlTokenizer t) {
        String s = t.s;
        if (t.pos + 2 < t.slen && s.charAt(t.pos + 1) == '&' && s.charAt(t.pos + 2) == '\'') {
            t.pos += 2;
            int end = string(t);
            t.current.strOpen = 'u';
            if (t.current.strClose == '\'') {
                t.current.strClose = 'u';
            }
            return end;
        }
        return t.word();
    }

    /** N'...' (MySQL) or Oracle's nq'...'. */
    static int nationalString(SqlTokenizer t) {
        if (t.pos + 2 < t.slen && t.s.charAt(t.pos + 1) == '\'') {
            return escapedString(t);
        }
        return quoteString(t, 1);
    }

    /** Oracle's q'(...)': the character after the quote picks the closing delimiter. */
    static int quoteString(SqlTokenizer t, int offset) {
        String s = t.s;
        int pos = t.pos + offset;
        if (pos >= t.slen || (s.charAt(pos) != 'q' && s.charAt(pos) != 'Q') || pos + 2 >= t.slen
                || s.charAt(pos + 1) != '\'') {
            return t.word();
        }
        char close = s.charAt(pos + 2);
        // Upstream compares a signed char: bytes above 127 are negative, so they fail this too.
        if (close < 33 || close > 127) {
            return t.word();
        }
        switch (close) {
            case '(' -> close = ')';
            case '[' -> close = ']';
            case '{' -> close = '}';
            case '<' -> close = '>';
            default -> { }
        }
        int end = SqlTokenizer.indexOfPair(s, pos + 3, t.slen, close, '\'');
        SqlToken st = t.current;
        if (end < 0) {
            st.assign(SqlToken.STRING, pos + 3, t.slen - pos - 3, s, pos + 3);
            st.strOpen = 'q';
            st.strClose = 0;
            return t.slen;
        }
        st.assign(SqlToken.STRING, pos + 3, end - pos - 3, s, pos + 3);
        st.strOpen = 'q';
        st.strClose = 'q';
        return end + 2;
    }

    /** Binary literal b'0101'. */
    static int bitString(SqlTokenizer t) {
        return prefixedNumber(t, "01");
    }

    /** Hex literal x'CAFE' (MySQL wants an even count, PostgreSQL does not; we accept both). */
    static int hexString(SqlTokenizer t) {
        return prefixedNumber(t, HEX_DIGITS);
    }

    private static int prefixedNumber(SqlTokenizer t, String digits) {
        int pos = t.pos;
        if (pos + 2 >= t.slen || t.s.charAt(pos + 1) != '\'') {
            return t.word();
        }
        int length = t.spanWhile(pos + 2, digits);
        if (pos + 2 + length >= t.slen || t.s.charAt(pos + 2 + length) != '\'') {
            return t.word();
        }
        t.current.assign(SqlToken.NUMBER, pos, length + 3, t.s, pos);
        return pos + length + 3;
    }

    /** $1,000.00 (money, a number), PostgreSQL $$...$$ and $tag$...$tag$ strings, or a lone $. */
    static int money(SqlTokenizer t) {
        String s = t.s;
        int pos = t.pos;
        SqlToken st = t.current;
        if (pos + 1 == t.slen) {
            st.assignChar(SqlToken.BAREWORD, pos, '$');
            return t.slen;
        }
        int length = t.spanWhile(pos + 1, "0123456789.,");
        if (length == 1 && s.charAt(pos + 1) == '.') {
            return t.word(); // "$." is a word
        }
        if (length > 0) {
            st.assign(SqlToken.NUMBER, pos, 1 + length, s, pos);
            return pos + 1 + length;
        }
        if (s.charAt(pos + 1) == '$') {
            int end = SqlTokenizer.indexOfPair(s, pos + 2, t.slen, '$', '$');
            return dollarQuoted(t, pos + 2, end, 2);
        }
        int tag = t.spanWhile(pos + 1, LETTERS);
        if (tag == 0 || pos + tag + 1 == t.slen || s.charAt(pos + tag + 1) != '$') {
            st.assignChar(SqlToken.BAREWORD, pos, '$');
            return pos + 1;
        }
        String delimiter = s.substring(pos, pos + tag + 2); // "$tag$"
        int end = s.indexOf(delimiter, pos + tag + 2);
        return dollarQuoted(t, pos + tag + 2, end, tag + 2);
    }

    private static int dollarQuoted(SqlTokenizer t, int start, int end, int delimiterLength) {
        SqlToken st = t.current;
        st.strOpen = '$';
        if (end < 0) {
            st.assign(SqlToken.STRING, start, t.slen - start, t.s, start);
            st.strClose = 0;
            return t.slen;
        }
        st.assign(SqlToken.STRING, start, end - start, t.s, start);
        st.strClose = '$';
        return end + delimiterLength;
    }

    /** Integers, decimals, exponents, 0x/0b literals, Oracle's d/f suffixes; a lone "." is a dot. */
    static int number(SqlTokenizer t) {
        String s = t.s;
        int slen = t.slen;
        int pos = t.pos;
        if (s.charAt(pos) == '0' && pos + 1 < slen) {
            char radix = s.charAt(pos + 1);
            String digits = radix == 'X' || radix == 'x' ? HEX_DIGITS : radix == 'B' || radix == 'b' ? "01" : null;
            if (digits != null) {
                int length = t.spanWhile(pos + 2, digits);
                if (length == 0) {
                    t.current.assign(SqlToken.BAREWORD, pos, 2, s, pos);
                    return pos + 2;
                }
                t.current.assign(SqlToken.NUMBER, pos, 2 + length, s, pos);
                return pos + 2 + length;
            }
        }
        int start = pos;
        pos = skipDigits(s, pos, slen);
        if (pos < slen && s.charAt(pos) == '.') {
            pos = skipDigits(s, pos + 1, slen);
            if (pos - start == 1) {
                t.current.assignChar(SqlToken.DOT, start, '.');
                return pos;
            }
        }
        boolean haveE = false;
        boolean haveExponent = false;
        if (pos < slen && (s.charAt(pos) == 'E' || s.charAt(pos) == 'e')) {
            haveE = true;
            pos++;
            if (pos < slen && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int digitsEnd = skipDigits(s, pos, slen);
            haveExponent = digitsEnd > pos;
            pos = digitsEnd;
        }
        if (pos < slen && "dDfF".indexOf(s.charAt(pos)) >= 0) {
            if (pos + 1 == slen) {
                pos++;
            } else {
                char next = s.charAt(pos + 1);
                if (SqlTokenizer.isWhite(next) || next == ';' || next == 'u' || next == 'U') {
                    pos++; // "1.2f " and, a hack upstream keeps, "1fUNION" as "1f UNION"
                }
            }
        }
        // "1e" or "1.e" without exponent digits is no number: MySQL ignores it ("1.e(1)" is "(1)"),
        // a known WAF bypass (gosecure, 2021). It becomes a bare word, which the fingerprints see.
        char type = haveE && !haveExponent ? SqlToken.BAREWORD : SqlToken.NUMBER;
        t.current.assign(type, start, pos - start, s, start);
        return pos;
    }

    private static int skipDigits(String s, int pos, int slen) {
        while (pos < slen && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }
}
