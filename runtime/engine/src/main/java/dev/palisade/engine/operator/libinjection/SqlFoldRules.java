package dev.palisade.engine.operator.libinjection;

/**
 * The folding rules of {@link SqlFolder}, for a pair and for a triple of tokens starting at
 * {@code left}. Each returns how the window moves ({@link #step}: the new {@code pos} and
 * {@code left}), or {@link #NO_MATCH} when the folder should read on. Rules are tried in order
 * and only the first whose shape matches applies; a few change a type and still answer
 * NO_MATCH, as upstream's do.
 */
final class SqlFoldRules {

    static final int NO_MATCH = -1;
    /** Stop folding at once (an evil token was made). */
    static final int STOP = -2;
    /** No pair rule applies, but the window restarts at 0 before the triple rules (collation). */
    static final int NO_MATCH_FROM_START = -3;

    /** Words that are column names as often as functions: functions only when "(" follows. */
    private static final String[] FUNCTION_WHEN_CALLED = {
        "USER_ID", "USER_NAME", "DATABASE", "PASSWORD", "USER", "CURRENT_USER", "CURRENT_DATE",
        "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP",
    };

    private SqlFoldRules() {}

    static int step(int pos, int left) {
        return pos << 8 | left;
    }

    static int newPos(int step) {
        return step >>> 8;
    }

    static int newLeft(int step) {
        return step & 0xff;
    }

    /** The five-token shapes after which upstream restarts the window instead of stopping. */
    static boolean restartsWindow(SqlToken[] t) {
        char t0 = t[0].type, t1 = t[1].type, t2 = t[2].type, t3 = t[3].type, t4 = t[4].type;
        return (t0 == '1' && (t1 == 'o' || t1 == ',') && t2 == '(' && t3 == '1' && t4 == ')')
                || (t0 == 'n' && t1 == 'o' && t2 == '(' && (t3 == 'n' || t3 == '1') && t4 == ')')
                || (t0 == '1' && t1 == ')' && t2 == ',' && t3 == '(' && t4 == '1')
                || (t0 == 'n' && t1 == ')' && t2 == 'o' && t3 == '(' && t4 == 'n');
    }

    static int foldTwo(SqlToken[] tokens, int left, int pos) {
        SqlToken a = tokens[left];
        SqlToken b = tokens[left + 1];
        char ta = a.type;
        char tb = b.type;
        int backOne = Math.max(left - 1, 0);
        if (ta == 's' && tb == 's') {
            return step(pos - 1, left); // 'a' 'b' is valid SQL: one string
        } else if (ta == ';' && tb == ';') {
            return step(pos - 1, left); // repeated semicolons, engines differ: fold them away
        } else if ((ta == 'o' || ta == '&') && (b.isUnaryOperator() || tb == 't')) {
            return step(pos - 1, 0);
        } else if (ta == '(' && b.isUnaryOperator()) {
            return step(pos - 1, backOne);
        } else if (mergeWords(a, b)) {
            return step(pos - 1, backOne);
        } else if (ta == ';' && tb == 'f' && b.len >= 2 && (b.val.charAt(0) | 0x20) == 'i'
                && (b.val.charAt(1) | 0x20) == 'f') {
            b.type = 'T'; // IF after ";" is T-SQL control flow, not the function
            return step(pos, left);
        } else if ((ta == 'n' || ta == 'v') && tb == '(' && isOneOf(a, FUNCTION_WHEN_CALLED)) {
            a.type = 'f';
            return step(pos, left);
        } else if (ta == 'k' && (a.valueIs("IN") || a.valueIs("NOT IN"))) {
            a.type = tb == '(' ? 'o' : 'n'; // "IN (" is an operator; "IN BOOLEAN MODE" merges later
            return step(pos, left);
        } else if (ta == 'o' && (a.valueIs("LIKE") || a.valueIs("NOT LIKE"))) {
            if (tb == '(') {
                a.type = 'f'; // LIKE(...) is a function
            }
            return NO_MATCH;
        } else if (ta == 't' && "n1t(fvs".indexOf(tb) >= 0) {
            a.copyFrom(b); // a type before a value is a cast: keep the value
            return step(pos - 1, 0);
        } else if (ta == 'A' && tb == 'n') {
            if (b.val.indexOf('_') >= 0) {
                b.type = 't'; // too many collations to list: "utf8_bin" and the like are types
                return NO_MATCH_FROM_START;
            }
            return NO_MATCH;
        } else if (ta == '\\') {
            if (b.isArithmeticOperator()) {
                a.type = '1'; // T-SQL reads "\%1" as "0 % 1"
                return step(pos, 0);
            }
            a.copyFrom(b); // and "\1" as "1"
            return step(pos - 1, 0);
        } else if (ta == '(' && tb == '(') {
            return step(pos - 1, 0);
        } else if (ta == ')' && tb == ')') {
            return step(pos - 1, 0);
        } else if (ta == '{' && tb == 'n') {
            if (b.len == 0) {
                // MySQL's "{ ``.``.id }" is valid, too odd to follow: refused (upstream, 2013).
                b.type = 'X';
                return STOP;
            }
            return step(pos - 2, 0); // ODBC "{foo expr}": keep expr
        } else if (tb == '}') {
            return step(pos - 1, 0);
        }
        return NO_MATCH;
    }

    static int foldThree(SqlToken[] tokens, int left, int pos) {
        SqlToken a = tokens[left];
        SqlToken b = tokens[left + 1];
        SqlToken c = tokens[left + 2];
        char ta = a.type, tb = b.type, tc = c.type;
        if (ta == '1' && tb == 'o' && tc == '1') {
            return step(pos - 2, 0);
        } else if (ta == 'o' && tb != '(' && tc == 'o') {
            return step(pos - 2, 0);
        } else if (ta == '&' && tc == '&') {
            return step(pos - 2, 0);
        } else if (ta == 'v' && tb == 'o' && (tc == 'v' || tc == '1' || tc == 'n')) {
            return step(pos - 2, 0);
        } else if ((ta == 'n' || ta == '1') && tb == 'o' && (tc == '1' || tc == 'n')) {
            return step(pos - 2, 0);
        } else if ((ta == 'n' || ta == '1' || ta == 'v' || ta == 's') && tb == 'o' && b.val.equals("::")
                && tc == 't') {
            return step(pos - 2, 0); // PostgreSQL cast
        } else if ((ta == 'n' || ta == '1' || ta == 's' || ta == 'v') && tb == ','
                && (tc == '1' || tc == 'n' || tc == 's' || tc == 'v')) {
            return step(pos - 2, 0);
        } else if ((ta == 'E' || ta == 'B' || ta == ',') && b.isUnaryOperator() && tc == '(') {
            b.copyFrom(c); // "SELECT + (": drop the unary operator
            return step(pos - 1, 0);
        } else if ((ta == 'k' || ta == 'E' || ta == 'B') && b.isUnaryOperator()
                && (tc == '1' || tc == 'n' || tc == 'v' || tc == 's' || tc == 'f')) {
            b.copyFrom(c); // "SELECT - 1"
            return step(pos - 1, 0);
        } else if (ta == ',' && b.isUnaryOperator() && (tc == '1' || tc == 'n' || tc == 'v' || tc == 's')) {
            b.copyFrom(c); // ", -1" then back up so "1,-1" folds to "1"
            return step(pos - 3, 0);
        } else if (ta == ',' && b.isUnaryOperator() && tc == 'f') {
            b.copyFrom(c); // "1,-sin(1)" becomes "1,sin(1)"
            return step(pos - 1, 0);
        } else if (ta == 'n' && tb == '.' && tc == 'n') {
            return step(pos - 2, 0); // database.table
        } else if (ta == 'E' && tb == '.' && tc == 'n') {
            b.copyFrom(c); // "select . `foo`"
            return step(pos - 1, 0);
        } else if (ta == 'f' && tb == '(' && tc != ')') {
            if (a.valueIs("USER")) {
                a.type = 'n'; // USER() takes no arguments, so USER(x) is no call
            }
        }
        return NO_MATCH;
    }

    /** "UNION" + "ALL" → "UNION ALL" when the pair is a known phrase; merges into {@code a}. */
    private static boolean mergeWords(SqlToken a, SqlToken b) {
        if ("knoUfETt".indexOf(a.type) < 0 || "knoUfETt&".indexOf(b.type) < 0) {
            return false;
        }
        int merged = a.len + b.len + 1;
        if (merged > SqlToken.MAX_VALUE_LENGTH) {
            return false;
        }
        String phrase = a.val + ' ' + b.val;
        char type = SqlTables.lookupWord(phrase);
        if (type == 0) {
            return false;
        }
        a.assign(type, a.pos, merged, phrase, 0);
        return true;
    }

    private static boolean isOneOf(SqlToken token, String[] words) {
        for (String word : words) {
            if (token.valueIs(word)) {
                return true;
            }
        }
        return false;
    }
}
