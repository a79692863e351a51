package dev.palisade.dsl.fmt;

import java.util.regex.Pattern;

/** A comment as lexed, with the lines it starts and ends on. */
record Comment(String raw, int start, int end, int startLine, int endLine) {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \t\f]+(?=\n|$)");

    boolean isLineComment() {
        return raw.startsWith("//");
    }

    /**
     * The comment as the formatter prints it: LF line breaks and no blanks at the end of its lines
     * (the canonical file has neither CR nor trailing blanks, comments included). Everything else
     * of the user's text is kept.
     */
    String text() {
        return normalize(raw);
    }

    static String normalize(String comment) {
        return TRAILING_BLANKS.matcher(LINE_BREAK.matcher(comment).replaceAll("\n")).replaceAll("");
    }
}
