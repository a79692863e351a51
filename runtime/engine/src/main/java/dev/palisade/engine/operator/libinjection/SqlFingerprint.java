package dev.palisade.engine.operator.libinjection;

/**
 * One fingerprinting pass over an input in one context (quote context × comment mode): tokenize,
 * fold, and spell the types of the folded tokens. Then {@link #isInjection} applies the
 * fingerprint set and upstream's false-positive checks.
 */
final class SqlFingerprint {

    final String input;
    final SqlTokenizer tokenizer;
    final SqlToken[] tokens;
    final String fingerprint;

    private SqlFingerprint(String input, SqlTokenizer tokenizer, SqlToken[] tokens, String fingerprint) {
        this.input = input;
        this.tokenizer = tokenizer;
        this.tokens = tokens;
        this.fingerprint = fingerprint;
    }

    static SqlFingerprint of(String input, char quoteContext, boolean mysql) {
        SqlTokenizer tokenizer = new SqlTokenizer(input, quoteContext, mysql);
        SqlFolder folder = new SqlFolder(tokenizer);
        int count = folder.fold();
        SqlToken[] tokens = folder.tokens;
        if (count > 2) {
            // PHP-style injections end with an unclosed, empty backtick (MySQL reads it as the end
            // of the query): it acts as a comment.
            SqlToken last = tokens[count - 1];
            if (last.type == SqlToken.BAREWORD && last.strOpen == '`' && last.len == 0 && last.strClose == 0) {
                last.type = SqlToken.COMMENT;
            }
        }
        char[] types = new char[count];
        boolean evil = false;
        for (int i = 0; i < count; i++) {
            types[i] = tokens[i].type;
            evil |= types[i] == SqlToken.EVIL;
        }
        if (evil) {
            // Unparsable (nested or MySQL-executable comments...): the whole fingerprint is "X".
            tokens[0].clear();
            tokens[0].assignChar(SqlToken.EVIL, 0, SqlToken.EVIL);
            tokens[1].type = 0;
            return new SqlFingerprint(input, tokenizer, tokens, "X");
        }
        return new SqlFingerprint(input, tokenizer, tokens, new String(types));
    }

    /** Whether the comment syntax seen suggests MySQL, so a MySQL-mode pass is worth trying. */
    boolean worthMysqlPass() {
        return tokenizer.statsCommentDdx > 0 || tokenizer.statsCommentHash > 0;
    }

    boolean isInjection() {
        return !fingerprint.isEmpty() && SqlTables.isFingerprint(fingerprint) && !looksBenign();
    }

    /**
     * Upstream's false-positive filter: short fingerprints match ordinary text too, so these
     * look at the tokens and the raw input before calling them SQLi.
     */
    private boolean looksBenign() {
        int length = fingerprint.length();
        if (length > 1 && fingerprint.charAt(length - 1) == SqlToken.COMMENT && input.contains("sp_password")) {
            return false; // SQL Server leaves statements mentioning sp_password out of its audit log
        }
        if (length == 2) {
            return looksBenignPair();
        }
        if (length == 3) {
            return looksBenignTriple();
        }
        return false;
    }

    private boolean looksBenignPair() {
        SqlToken first = tokens[0];
        SqlToken second = tokens[1];
        if (fingerprint.charAt(1) == SqlToken.UNION) {
            // "1 union" alone is common text; with folding or comments around it, an attack.
            return tokenizer.statsTokens == 2;
        }
        if (second.first() == '#') {
            return true; // '#' comments: too many false positives
        }
        if (first.type == SqlToken.BAREWORD && second.type == SqlToken.COMMENT && second.first() != '/') {
            return true; // "word --" is text; "word /*" is not
        }
        if (first.type == SqlToken.NUMBER && second.type == SqlToken.COMMENT) {
            if (second.first() == '/' || tokenizer.statsTokens > 2) {
                return false;
            }
            // "1234 --" is SQLi, base64-ish "1234-ABCD--" is not: look at the raw byte after the
            // number. Upstream indexes the input by the token's length (not its position) and
            // reads a signed char, so bytes above 127 count as white space; we keep both.
            char next = charAt(first.len);
            if (next <= 32 || next >= 128) {
                return false;
            }
            char after = charAt(first.len + 1);
            return !((next == '/' && after == '*') || (next == '-' && after == '-'));
        }
        // Many people write "--" in plain text: only a trailing "--" (e.g. "1--") counts.
        return second.len > 2 && second.first() == '-';
    }

    private boolean looksBenignTriple() {
        if (fingerprint.equals("sos") || fingerprint.equals("s&s")) {
            SqlToken first = tokens[0];
            SqlToken third = tokens[2];
            // ...foo' + 'bar... : no opening quote, no closing quote, the same quote between.
            return !(first.strOpen == 0 && third.strClose == 0 && first.strClose == third.strOpen);
        }
        if (fingerprint.equals("s&n") || fingerprint.equals("n&1") || fingerprint.equals("1&1")
                || fingerprint.equals("1&v") || fingerprint.equals("1&s")) {
            return tokenizer.statsTokens == 3; // 'sexy and 17' is text, 'sexy and 17<18' is not
        }
        SqlToken second = tokens[1];
        if (second.type == SqlToken.KEYWORD) {
            // Only INTO OUTFILE / INTO DUMPFILE make a three-token keyword fingerprint SQLi.
            return second.len < 5 || !startsWithInto(second.val);
        }
        return false;
    }

    private static boolean startsWithInto(String value) {
        return value.length() >= 4 && SqlTables.upperAscii(value.substring(0, 4)).equals("INTO");
    }

    /** The input byte at {@code index}, 0 past the end (upstream reads its terminator there). */
    private char charAt(int index) {
        return index < input.length() ? input.charAt(index) : 0;
    }
}
