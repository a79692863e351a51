package dev.palisade.engine.operator.libinjection;

/**
 * The text-level states of {@link Html5Tokenizer}: page text, "<" and what may follow it that is
 * not a tag (comments, CDATA, doctype, bogus comments), and the shared cursor. The tag and
 * attribute states are in the subclass; {@link #tagName} is where the two meet.
 */
abstract class Html5TextStates {

    enum TokenType {
        DATA_TEXT, TAG_NAME_OPEN, TAG_NAME_CLOSE, TAG_NAME_SELFCLOSE, TAG_DATA, TAG_CLOSE, ATTR_NAME,
        ATTR_VALUE, TAG_COMMENT, DOCTYPE
    }

    enum State {
        EOF, DATA, TAG_OPEN, TAG_NAME_CLOSE, BEFORE_ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
        BEFORE_ATTRIBUTE_VALUE, VALUE_SINGLE_QUOTE, VALUE_DOUBLE_QUOTE, VALUE_BACK_QUOTE,
        AFTER_ATTRIBUTE_VALUE_QUOTED, SELF_CLOSING_START_TAG
    }

    final String s;
    final int len;
    int pos;
    boolean isClose;
    State state;

    TokenType tokenType;
    int tokenStart;
    int tokenLength;

    Html5TextStates(String s, State initial) {
        this.s = s;
        this.len = s.length();
        this.state = initial;
    }

    /** §12.2.4.10, in the subclass. */
    abstract boolean tagName();

    String tokenText() {
        return s.substring(tokenStart, tokenStart + tokenLength);
    }

    final boolean token(TokenType type, int start, int length, State nextState) {
        tokenType = type;
        tokenStart = start;
        tokenLength = length;
        state = nextState;
        return true;
    }

    final boolean data() {
        int lt = s.indexOf('<', pos);
        if (lt < 0) {
            token(TokenType.DATA_TEXT, pos, len - pos, State.EOF);
            return tokenLength != 0;
        }
        token(TokenType.DATA_TEXT, pos, lt - pos, State.TAG_OPEN);
        pos = lt + 1;
        return tokenLength == 0 ? tagOpen() : true;
    }

    /** §12.2.4.8. */
    final boolean tagOpen() {
        if (pos >= len) {
            return false;
        }
        char c = s.charAt(pos);
        if (c == '!') {
            pos++;
            return markupDeclarationOpen();
        } else if (c == '/') {
            pos++;
            isClose = true;
            return endTagOpen();
        } else if (c == '?') {
            pos++;
            return bogusComment();
        } else if (c == '%') {
            pos++; // <% ... %>: not in the spec, IE up to 9 and old Safari read it as a comment
            return percentComment();
        } else if (isAsciiLetter(c) || c == 0) {
            return tagName(); // NUL: IE ignores it, so a tag may start with one
        }
        // "<" not starting a tag: it is text.
        return token(TokenType.DATA_TEXT, pos - 1, 1, State.DATA);
    }

    /** §12.2.4.9. */
    private boolean endTagOpen() {
        if (pos >= len) {
            return false;
        }
        char c = s.charAt(pos);
        if (c == '>') {
            return data();
        } else if (isAsciiLetter(c)) {
            return tagName();
        }
        isClose = false;
        return bogusComment();
    }

    /** §12.2.4.44: up to the next ">". */
    private boolean bogusComment() {
        int gt = s.indexOf('>', pos);
        if (gt < 0) {
            token(TokenType.TAG_COMMENT, pos, len - pos, State.EOF);
            pos = len;
        } else {
            token(TokenType.TAG_COMMENT, pos, gt - pos, State.DATA);
            pos = gt + 1;
        }
        return true;
    }

    /** IE's {@code <% ... %>}. */
    private boolean percentComment() {
        return markup(TokenType.TAG_COMMENT, Html5Markup.percentCommentEnd(s, pos));
    }

    /** A comment or CDATA token from {@code pos} to where {@link Html5Markup} found its end. */
    private boolean markup(TokenType type, long found) {
        if (found == Html5Markup.UNTERMINATED) {
            token(type, pos, len - pos, State.EOF);
            pos = len;
        } else {
            token(type, pos, Html5Markup.textEnd(found) - pos, State.DATA);
            pos = Html5Markup.next(found);
        }
        return true;
    }

    /** §12.2.4.45: after "<!". */
    private boolean markupDeclarationOpen() {
        if (s.regionMatches(true, pos, "DOCTYPE", 0, 7) && isAsciiWord(pos, 7)) {
            return doctype();
        } else if (s.startsWith("[CDATA[", pos)) { // upper case required
            pos += 7;
            return cdata();
        } else if (s.startsWith("--", pos)) {
            pos += 2;
            return comment();
        }
        return bogusComment();
    }

    private boolean comment() {
        return markup(TokenType.TAG_COMMENT, Html5Markup.commentEnd(s, pos));
    }

    private boolean cdata() {
        return markup(TokenType.DATA_TEXT, Html5Markup.cdataEnd(s, pos));
    }

    /** §8.2.4.52: up to the next ">". */
    private boolean doctype() {
        int gt = s.indexOf('>', pos);
        if (gt < 0) {
            return token(TokenType.DOCTYPE, pos, len - pos, State.EOF);
        }
        token(TokenType.DOCTYPE, pos, gt - pos, State.DATA);
        pos = gt + 1;
        return true;
    }

    /** Upstream's white space test also matches NUL (C's strchr finds the terminator). */
    static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == 0;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code s[from, from + n)} is ASCII letters: keeps regionMatches' Unicode folding out. */
    private boolean isAsciiWord(int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (!isAsciiLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
