package dev.palisade.engine.operator.libinjection;

/**
 * libinjection's SQL tokenizer: splits a byte string into {@link SqlToken}s, one call to
 * {@link #next} per token, dispatching on the character class of the first byte (the char map
 * in {@code sqlparse_data.json}). It never fails: every byte sequence yields tokens.
 *
 * <p>Two settings make the "contexts" detection tries: the quote context (input parsed as-is, or
 * as if it followed an opening {@code '} or {@code "}), and the comment mode (ANSI: {@code --x}
 * is a comment and {@code #} an operator; MySQL: {@code --x} is two minus signs and {@code #}
 * starts a comment).
 *
 * <p>INVARIANT: each parser returns a position greater than {@link #pos}, so the number of tokens
 * is at most the input length (plus one for the quote-context token) and work is linear.
 */
final class SqlTokenizer {

    /** Characters that end a bare word; NUL also ends it (upstream's strchr finds the terminator). */
    private static final boolean[] WORD_END = charSet(" []{}<>:\\?=@!#~+-*/&|^%(),';\t\n\u000b\f\r\"\u00a0\0");
    /** Characters that end a variable name. */
    private static final boolean[] VARIABLE_END = charSet(" <>:\\?=@!#~+-*/&|^%(),';\t\n\u000b\f\r'`\"\0");

    final String s;
    final int slen;
    /** 0 (as-is), {@code '} or {@code "}: the quote the input is assumed to start inside. */
    final char quoteContext;
    final boolean mysql;

    int pos;
    SqlToken current;
    int statsTokens;
    /** Comments of the form {@code --x}: they read differently in MySQL, so detection retries. */
    int statsCommentDdx;
    int statsCommentHash;

    SqlTokenizer(String s, char quoteContext, boolean mysql) {
        this.s = s;
        this.slen = s.length();
        this.quoteContext = quoteContext;
        this.mysql = mysql;
    }

    /** Reads the next token into {@code into}; false at the end of input. */
    boolean next(SqlToken into) {
        if (slen == 0) {
            return false;
        }
        current = into;
        into.clear();
        if (pos == 0 && quoteContext != 0) {
            // Pretend the input starts with a quote: the string token runs to the first unescaped one.
            pos = SqlLiterals.stringCore(this, 0, quoteContext, 0);
            statsTokens++;
            return true;
        }
        while (pos < slen) {
            pos = dispatch(SqlTables.charClass(s.charAt(pos)));
            if (into.type != 0) {
                statsTokens++;
                return true;
            }
        }
        return false;
    }

    private int dispatch(int charClass) {
        switch (charClass) {
            case SqlTables.WHITE: return pos + 1;
            case SqlTables.BANG:
            case SqlTables.OP2: return operator2();
            case SqlTables.STR: return SqlLiterals.string(this);
            case SqlTables.HASH: return hash();
            case SqlTables.MONEY: return SqlLiterals.money(this);
            case SqlTables.OP1:
            case SqlTables.UNARY: return operator1();
            case SqlTables.LEFT_PARENS:
            case SqlTables.RIGHT_PARENS:
            case SqlTables.COMMA:
            case SqlTables.SEMICOLON:
            case SqlTables.LEFT_BRACE:
            case SqlTables.RIGHT_BRACE: {
                char c = s.charAt(pos);
                current.assignChar(c, pos, c);
                return pos + 1;
            }
            case SqlTables.DASH: return dash();
            case SqlTables.NUM: return SqlLiterals.number(this);
            case SqlTables.SLASH: return slash();
            case SqlTables.OTHER:
                current.assignChar(SqlToken.UNKNOWN, pos, s.charAt(pos));
                return pos + 1;
            case SqlTables.VAR: return variable();
            case SqlTables.BSTRING: return SqlLiterals.bitString(this);
            case SqlTables.ESTRING: return SqlLiterals.escapedString(this);
            case SqlTables.NQSTRING: return SqlLiterals.nationalString(this);
            case SqlTables.QSTRING: return SqlLiterals.quoteString(this, 0);
            case SqlTables.USTRING: return SqlLiterals.unicodeString(this);
            case SqlTables.XSTRING: return SqlLiterals.hexString(this);
            case SqlTables.BWORD: return bracketWord();
            case SqlTables.BACK: return backslash();
            case SqlTables.TICK: return tick();
            default: return word();
        }
    }

    private int operator1() {
        current.assignChar(SqlToken.OPERATOR, pos, s.charAt(pos));
        return pos + 1;
    }

    private int operator2() {
        if (pos + 1 >= slen) {
            return operator1();
        }
        if (pos + 2 < slen && s.charAt(pos) == '<' && s.charAt(pos + 1) == '=' && s.charAt(pos + 2) == '>') {
            current.assign(SqlToken.OPERATOR, pos, 3, s, pos); // MySQL's null-safe equality
            return pos + 3;
        }
        char type = SqlTables.lookupWord(s, pos, 2);
        if (type != 0) {
            current.assign(type, pos, 2, s, pos);
            return pos + 2;
        }
        if (s.charAt(pos) == ':') {
            current.assign(SqlToken.COLON, pos, 1, s, pos);
            return pos + 1;
        }
        return operator1();
    }

    /** ANSI: {@code #} is an operator. MySQL: it starts a comment to the end of the line. */
    private int hash() {
        statsCommentHash++;
        if (mysql) {
            statsCommentHash++;
            return endOfLineComment();
        }
        current.assignChar(SqlToken.OPERATOR, pos, '#');
        return pos + 1;
    }

    int endOfLineComment() {
        int end = s.indexOf('\n', pos);
        if (end < 0) {
            current.assign(SqlToken.COMMENT, pos, slen - pos, s, pos);
            return slen;
        }
        current.assign(SqlToken.COMMENT, pos, end - pos, s, pos);
        return end + 1;
    }

    private int dash() {
        // "--" then white or end: a comment everywhere. "--x": a comment except in MySQL, where it
        // is two minus signs. A single "-": an operator.
        boolean twoDashes = pos + 1 < slen && s.charAt(pos + 1) == '-';
        if (twoDashes && pos + 2 < slen && isWhite(s.charAt(pos + 2))) {
            return endOfLineComment();
        } else if (twoDashes && pos + 2 == slen) {
            return endOfLineComment();
        } else if (twoDashes && !mysql) {
            statsCommentDdx++;
            return endOfLineComment();
        }
        current.assignChar(SqlToken.OPERATOR, pos, '-');
        return pos + 1;
    }

    private int slash() {
        if (pos + 1 == slen || s.charAt(pos + 1) != '*') {
            return operator1();
        }
        int close = indexOfPair(s, pos + 2, slen, '*', '/');
        int length = close < 0 ? slen - pos : close + 2 - pos;
        char type = SqlToken.COMMENT;
        // A "/*" inside the comment: PostgreSQL nests comments, others don't, so we cannot know
        // where it ends. "/*!": MySQL executes the comment's content. Both are refused outright.
        if (close >= 0 && indexOfPair(s, pos + 2, close + 1, '/', '*') >= 0) {
            type = SqlToken.EVIL;
        } else if (pos + 2 < slen && s.charAt(pos + 2) == '!') {
            type = SqlToken.EVIL;
        }
        current.assign(type, pos, length, s, pos);
        return pos + length;
    }

    private int backslash() {
        if (pos + 1 < slen && s.charAt(pos + 1) == 'N') {
            current.assign(SqlToken.NUMBER, pos, 2, s, pos); // MySQL's \N is NULL
            return pos + 2;
        }
        current.assignChar(SqlToken.BACKSLASH, pos, s.charAt(pos));
        return pos + 1;
    }

    /** {@code [name]}: a quoted name in SQL Server, read as a bare word up to "]". */
    private int bracketWord() {
        int end = s.indexOf(']', pos);
        if (end < 0) {
            current.assign(SqlToken.BAREWORD, pos, slen - pos, s, pos);
            return slen;
        }
        current.assign(SqlToken.BAREWORD, pos, end - pos + 1, s, pos);
        return end + 1;
    }

    int word() {
        int length = spanUntil(pos, WORD_END);
        current.assign(SqlToken.BAREWORD, pos, length, s, pos);
        // "SELECT.1" or "SELECT`col`": when the part before a '.' or '`' is a keyword, the token
        // ends there.
        for (int i = 0; i < current.len; i++) {
            char c = current.val.charAt(i);
            if (c == '.' || c == '`') {
                char type = SqlTables.lookupWord(current.val, 0, i);
                if (type != 0 && type != SqlToken.BAREWORD) {
                    current.clear();
                    current.assign(type, pos, i, s, pos);
                    return pos + i;
                }
            }
        }
        if (length <= SqlToken.MAX_VALUE_LENGTH) {
            char type = SqlTables.lookupWord(current.val);
            current.type = type == 0 ? SqlToken.BAREWORD : type;
        }
        return pos + length;
    }

    /** MySQL backticks quote a name: a function if the name is one, otherwise a bare word. */
    int tick() {
        int end = SqlLiterals.stringCore(this, pos, '`', 1);
        current.type = SqlTables.lookupWord(current.val) == SqlToken.FUNCTION ? SqlToken.FUNCTION : SqlToken.BAREWORD;
        return end;
    }

    private int variable() {
        int p = pos + 1;
        if (p < slen && s.charAt(p) == '@') {
            p++;
            current.count = 2;
        } else {
            current.count = 1;
        }
        if (p < slen) {
            char c = s.charAt(p);
            if (c == '`') { // MySQL allows @@`version`
                pos = p;
                int end = tick();
                current.type = SqlToken.VARIABLE;
                return end;
            } else if (c == '\'' || c == '"') {
                pos = p;
                int end = SqlLiterals.string(this);
                current.type = SqlToken.VARIABLE;
                return end;
            }
        }
        int length = spanUntil(p, VARIABLE_END);
        current.assign(SqlToken.VARIABLE, p, length, s, p);
        return p + length;
    }

    /** Length of the run from {@code from} of characters not in {@code stop}. */
    private int spanUntil(int from, boolean[] stop) {
        int i = from;
        while (i < slen) {
            char c = s.charAt(i);
            if (c < 256 && stop[c]) {
                break;
            }
            i++;
        }
        return i - from;
    }

    /** A lookup table for a set of byte values: the tokenizer tests one per input char. */
    private static boolean[] charSet(String chars) {
        boolean[] set = new boolean[256];
        for (int i = 0; i < chars.length(); i++) {
            set[chars.charAt(i)] = true;
        }
        return set;
    }

    /** Length of the run from {@code from} of characters in {@code accept} (or NUL, as upstream). */
    int spanWhile(int from, String accept) {
        int i = from;
        while (i < slen && (s.charAt(i) == 0 || accept.indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        return i - from;
    }

    /** Index of the first {@code c0 c1} pair starting in {@code [from, end - 1)}, or -1. */
    static int indexOfPair(String s, int from, int end, char c0, char c1) {
        for (int i = from; i < end - 1; i++) {
            if (s.charAt(i) == c0 && s.charAt(i + 1) == c1) {
                return i;
            }
        }
        return -1;
    }

    /** SQL white space, including NUL (Oracle) and Latin-1 NBSP. */
    static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == 0xa0 || c == 0;
    }
}
