package dev.palisade.engine.operator.libinjection;

/**
 * Where the comment-like constructs of {@link Html5Tokenizer} end: {@code <!-- -->} comments,
 * IE's {@code <% %>} and CDATA sections. Each function returns {@code end << 32 | next}: the end
 * of the token's text and the position after the terminator, or {@link #UNTERMINATED} when the
 * construct runs to the end of input.
 */
final class Html5Markup {

    static final long UNTERMINATED = -1;

    private Html5Markup() {}

    static int textEnd(long found) {
        return (int) (found >>> 32);
    }

    static int next(long found) {
        return (int) found;
    }

    private static long found(int end, int next) {
        return (long) end << 32 | next;
    }

    /**
     * §12.2.4.48-51: a comment ends at "-->" or "-!>"; NULs right after the first dash are
     * ignored (IE). The state machine reads one char at a time; searching is equivalent.
     */
    static long commentEnd(String s, int from) {
        int len = s.length();
        int p = from;
        while (true) {
            int dash = s.indexOf('-', p);
            if (dash < 0 || dash > len - 3) {
                return UNTERMINATED;
            }
            int q = dash + 1;
            while (q < len && s.charAt(q) == 0) {
                q++;
            }
            if (q == len) {
                return UNTERMINATED;
            }
            char c = s.charAt(q);
            if (c == '-' || c == '!') {
                q++;
                if (q == len) {
                    return UNTERMINATED;
                }
                if (s.charAt(q) == '>') {
                    return found(dash, q + 1);
                }
            }
            p = dash + 1;
        }
    }

    /** IE (up to 9) and old Safari: {@code <% ... %>} is a comment. */
    static long percentCommentEnd(String s, int from) {
        int p = from;
        while (true) {
            int percent = s.indexOf('%', p);
            if (percent < 0 || percent + 1 >= s.length()) {
                return UNTERMINATED;
            }
            if (s.charAt(percent + 1) == '>') {
                return found(percent, percent + 2);
            }
            p = percent + 1;
        }
    }

    /** CDATA sections are text up to "]]>". */
    static long cdataEnd(String s, int from) {
        int len = s.length();
        int p = from;
        while (true) {
            int bracket = s.indexOf(']', p);
            if (bracket < 0 || bracket > len - 3) {
                return UNTERMINATED;
            }
            if (s.charAt(bracket + 1) == ']' && s.charAt(bracket + 2) == '>') {
                return found(bracket, bracket + 3);
            }
            p = bracket + 1;
        }
    }
}
