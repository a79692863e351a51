package dev.palisade.engine.operator.libinjection;

/**
 * libinjection's HTML5 tokenizer: a reduced form of the HTML5 tokenization state machine
 * (WHATWG HTML §13.2.5; the comments cite the older §12.2.4 numbers upstream uses) that yields
 * tags, attribute names and values, comments and text, plus a few legacy browser quirks
 * (IE's {@code <% %>} comments, back-quoted attribute values, NULs ignored in tag names).
 *
 * <p>It can start in the middle of a tag ({@link Start}), since injected text usually lands
 * inside an attribute value. Input: bytes as chars (ISO-8859-1), as for the SQL detector.
 *
 * <p>INVARIANT: every token moves {@link #pos} forward or ends the input, so it runs in linear
 * time.
 */
final class Html5Tokenizer extends Html5TextStates {

    /** Where the input is assumed to start. */
    enum Start { DATA, VALUE_NO_QUOTE, VALUE_SINGLE_QUOTE, VALUE_DOUBLE_QUOTE, VALUE_BACK_QUOTE }

    private static final int EOF = -1;

    Html5Tokenizer(String s, Start start) {
        super(s, switch (start) {
            case DATA -> State.DATA;
            case VALUE_NO_QUOTE -> State.BEFORE_ATTRIBUTE_NAME;
            case VALUE_SINGLE_QUOTE -> State.VALUE_SINGLE_QUOTE;
            case VALUE_DOUBLE_QUOTE -> State.VALUE_DOUBLE_QUOTE;
            case VALUE_BACK_QUOTE -> State.VALUE_BACK_QUOTE;
        });
    }

    /** Advances to the next token; false at the end. */
    boolean next() {
        return switch (state) {
            case EOF -> false;
            case DATA -> data();
            case TAG_OPEN -> tagOpen();
            case TAG_NAME_CLOSE -> tagNameClose();
            case BEFORE_ATTRIBUTE_NAME -> beforeAttributeName();
            case AFTER_ATTRIBUTE_NAME -> afterAttributeName();
            case BEFORE_ATTRIBUTE_VALUE -> beforeAttributeValue();
            case VALUE_SINGLE_QUOTE -> quotedValue('\'');
            case VALUE_DOUBLE_QUOTE -> quotedValue('"');
            case VALUE_BACK_QUOTE -> quotedValue('`');
            case AFTER_ATTRIBUTE_VALUE_QUOTED -> afterQuotedValue();
            case SELF_CLOSING_START_TAG -> selfClosingStartTag();
        };
    }
    private boolean tagNameClose() {
        isClose = false;
        token(TokenType.TAG_NAME_CLOSE, pos, 1, State.DATA);
        pos++;
        if (pos >= len) {
            state = State.EOF;
        }
        return true;
    }

    /** §12.2.4.10. */
    @Override
    boolean tagName() {
        for (int p = pos; p < len; p++) {
            char c = s.charAt(p);
            if (c == 0) {
                continue; // old browsers ignore NULs in tag names
            }
            if (isWhite(c)) {
                token(TokenType.TAG_NAME_OPEN, pos, p - pos, State.BEFORE_ATTRIBUTE_NAME);
                pos = p + 1;
                return true;
            } else if (c == '/') {
                token(TokenType.TAG_NAME_OPEN, pos, p - pos, State.SELF_CLOSING_START_TAG);
                pos = p + 1;
                return true;
            } else if (c == '>') {
                if (isClose) {
                    token(TokenType.TAG_CLOSE, pos, p - pos, State.DATA);
                    pos = p + 1;
                    isClose = false;
                } else {
                    token(TokenType.TAG_NAME_OPEN, pos, p - pos, State.TAG_NAME_CLOSE);
                    pos = p;
                }
                return true;
            }
        }
        return token(TokenType.TAG_NAME_OPEN, pos, len - pos, State.EOF);
    }

    /** §12.2.4.34. */
    private boolean beforeAttributeName() {
        int c = skipWhite();
        if (c == EOF) {
            return false;
        } else if (c == '/') {
            pos++;
            return selfClosingStartTag();
        } else if (c == '>') {
            token(TokenType.TAG_NAME_CLOSE, pos, 1, State.DATA);
            pos++;
            return true;
        }
        return attributeName();
    }

    /** §12.2.4.35; the first character is taken whatever it is (e.g. "=" in {@code <a =x>}). */
    private boolean attributeName() {
        for (int p = pos + 1; p < len; p++) {
            char c = s.charAt(p);
            State next = isWhite(c) ? State.AFTER_ATTRIBUTE_NAME
                    : c == '/' ? State.SELF_CLOSING_START_TAG
                    : c == '=' ? State.BEFORE_ATTRIBUTE_VALUE
                    : c == '>' ? State.TAG_NAME_CLOSE
                    : null;
            if (next != null) {
                token(TokenType.ATTR_NAME, pos, p - pos, next);
                pos = c == '>' ? p : p + 1;
                return true;
            }
        }
        token(TokenType.ATTR_NAME, pos, len - pos, State.EOF);
        pos = len;
        return true;
    }

    /** §12.2.4.36. */
    private boolean afterAttributeName() {
        int c = skipWhite();
        if (c == EOF) {
            return false;
        } else if (c == '/') {
            pos++;
            return selfClosingStartTag();
        } else if (c == '=') {
            pos++;
            return beforeAttributeValue();
        } else if (c == '>') {
            return tagNameClose();
        }
        return attributeName();
    }

    /** §12.2.4.37; back quotes delimit values in old IE. */
    private boolean beforeAttributeValue() {
        int c = skipWhite();
        if (c == EOF) {
            state = State.EOF;
            return false;
        }
        return c == '"' || c == '\'' || c == '`' ? quotedValue((char) c) : unquotedValue();
    }

    /**
     * §12.2.4.38-39. At position 0 we started inside the value (no opening quote to skip): so
     * {@code '><foo} gives an empty value, then the rest.
     */
    private boolean quotedValue(char quote) {
        if (pos > 0) {
            pos++;
        }
        int end = s.indexOf(quote, pos);
        if (end < 0) {
            return token(TokenType.ATTR_VALUE, pos, len - pos, State.EOF);
        }
        token(TokenType.ATTR_VALUE, pos, end - pos, State.AFTER_ATTRIBUTE_VALUE_QUOTED);
        pos = end + 1;
        return true;
    }

    /** §12.2.4.40. */
    private boolean unquotedValue() {
        for (int p = pos; p < len; p++) {
            char c = s.charAt(p);
            if (isWhite(c)) {
                token(TokenType.ATTR_VALUE, pos, p - pos, State.BEFORE_ATTRIBUTE_NAME);
                pos = p + 1;
                return true;
            } else if (c == '>') {
                token(TokenType.ATTR_VALUE, pos, p - pos, State.TAG_NAME_CLOSE);
                pos = p;
                return true;
            }
        }
        return token(TokenType.ATTR_VALUE, pos, len - pos, State.EOF);
    }

    /** §12.2.4.41. */
    private boolean afterQuotedValue() {
        if (pos >= len) {
            return false;
        }
        char c = s.charAt(pos);
        if (isWhite(c)) {
            pos++;
            return beforeAttributeName();
        } else if (c == '/') {
            pos++;
            return selfClosingStartTag();
        } else if (c == '>') {
            token(TokenType.TAG_NAME_CLOSE, pos, 1, State.DATA);
            pos++;
            return true;
        }
        return beforeAttributeName();
    }

    /** §12.2.4.43. */
    private boolean selfClosingStartTag() {
        if (pos >= len) {
            return false;
        }
        if (s.charAt(pos) == '>' && pos > 0) {
            token(TokenType.TAG_NAME_SELFCLOSE, pos - 1, 2, State.DATA);
            pos++;
            return true;
        }
        return beforeAttributeName();
    }

    /**
     * Skips HTML white space plus NUL, VT and CR (IE); returns the next char or {@link #EOF}.
     * Upstream returns a signed char here, so a 0xFF byte reads as its EOF and ends tokenizing
     * ({@code <a \xff onclick=...} goes unseen); we deliberately read 0xFF as an ordinary byte.
     */
    private int skipWhite() {
        while (pos < len) {
            char c = s.charAt(pos);
            if (c == 0 || c == ' ' || (c >= 0x09 && c <= 0x0d)) {
                pos++;
            } else {
                return c;
            }
        }
        return EOF;
    }
}
