package dev.palisade.engine.operator.libinjection;

/**
 * libinjection's folding: reads tokens and simplifies them in a window of at most five (plus a
 * look-ahead slot), so that e.g. {@code 1+2} becomes one number and {@code UNION ALL} one union.
 * The types of what is left, at most five, are the fingerprint.
 *
 * <p>Comments are dropped while folding; the last one is appended again when fewer than five
 * tokens remain, so a trailing {@code --} shows in the fingerprint as {@code c}.
 */
final class SqlFolder {

    static final int MAX_TOKENS = 5;

    private final SqlTokenizer tokenizer;
    /** The window; slots 5-7 hold look-ahead tokens (upstream's array has 8). */
    final SqlToken[] tokens = new SqlToken[MAX_TOKENS + 3];
    private final SqlToken lastComment = new SqlToken();

    SqlFolder(SqlTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new SqlToken();
        }
    }

    /** Folds the whole input; returns how many tokens of {@link #tokens} are the result. */
    int fold() {
        int pos = 0; // where the next token goes
        int left = 0; // how many tokens are final
        boolean more = true;
        lastComment.clear();

        // Leading comments, "(", SQL types and unary operators say nothing: skip them.
        while (more) {
            more = tokenizer.next(tokens[0]);
            SqlToken t = tokens[0];
            if (!(t.type == SqlToken.COMMENT || t.type == SqlToken.LEFT_PARENS || t.type == SqlToken.SQL_TYPE
                    || t.isUnaryOperator())) {
                break;
            }
        }
        if (!more) {
            return 0;
        }
        pos = 1;

        while (true) {
            if (pos >= MAX_TOKENS && SqlFoldRules.restartsWindow(tokens)) {
                // Shapes like "1,(2)" or "a=(b)": upstream keeps scanning past them instead of
                // stopping at five tokens, so long argument lists still reach the attack after them.
                if (pos > MAX_TOKENS) {
                    tokens[1].copyFrom(tokens[MAX_TOKENS]);
                    pos = 2;
                } else {
                    pos = 1;
                }
                left = 0;
            }
            if (!more || left >= MAX_TOKENS) {
                left = pos;
                break;
            }

            // Two tokens.
            while (more && pos <= MAX_TOKENS && pos - left < 2) {
                more = read(pos);
                if (more && tokens[pos].type != SqlToken.COMMENT) {
                    pos++;
                }
            }
            if (pos - left < 2) {
                left = pos;
                continue;
            }
            int step = SqlFoldRules.foldTwo(tokens, left, pos);
            if (step == SqlFoldRules.STOP) {
                return left + 2; // "{ ``": refused, see foldTwo
            }
            if (step == SqlFoldRules.NO_MATCH_FROM_START) {
                left = 0;
            } else if (step != SqlFoldRules.NO_MATCH) {
                pos = SqlFoldRules.newPos(step);
                left = SqlFoldRules.newLeft(step);
                continue;
            }

            // Three tokens.
            while (more && pos <= MAX_TOKENS && pos - left < 3) {
                more = read(pos);
                if (more && tokens[pos].type != SqlToken.COMMENT) {
                    pos++;
                }
            }
            if (pos - left < 3) {
                left = pos;
                continue;
            }
            step = SqlFoldRules.foldThree(tokens, left, pos);
            if (step != SqlFoldRules.NO_MATCH) {
                pos = SqlFoldRules.newPos(step);
                left = SqlFoldRules.newLeft(step);
                continue;
            }
            // Nothing folds: the leftmost token is final.
            left++;
        }

        if (left < MAX_TOKENS && lastComment.type == SqlToken.COMMENT) {
            tokens[left].copyFrom(lastComment);
            left++;
        }
        return Math.min(left, MAX_TOKENS);
    }

    /** Reads a token into slot {@code pos}, remembering comments aside instead of keeping them. */
    private boolean read(int pos) {
        boolean more = tokenizer.next(tokens[pos]);
        if (more) {
            if (tokens[pos].type == SqlToken.COMMENT) {
                lastComment.copyFrom(tokens[pos]);
            } else {
                lastComment.type = 0;
            }
        }
        return more;
    }
}
