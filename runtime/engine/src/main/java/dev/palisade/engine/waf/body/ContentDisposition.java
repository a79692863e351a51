package dev.palisade.engine.waf.body;

/**
 * A multipart part's {@code Content-Disposition} value, parsed as libmodsecurity 3.0.9's
 * {@code Multipart::parse_content_disposition} does: {@code form-data} (case-sensitive), then
 * {@code ; name=value} pairs where only {@code name}, {@code filename} and {@code filename*} are
 * understood; any other parameter is error -11. Values may be bare tokens or quoted with {@code "}
 * or {@code '} (the latter sets {@code MULTIPART_INVALID_QUOTING}); inside quotes a backslash
 * escapes only the quote or a backslash, other backslashes are kept. A single quote anywhere in a
 * name or filename also sets {@code MULTIPART_INVALID_QUOTING}.
 *
 * <p>{@code filename*} (RFC 5987, {@code charset'lang'value}), as observed in libmodsecurity 3.0.9:
 * it must be a bare token (quoted is error -16); it is remembered (the part after the second
 * {@code '}) but never becomes the filename, and a value with {@code filename*} but no
 * {@code filename} is error -21. {@code FILES} always shows the plain {@code filename}.
 *
 * @param code 1 when the value is acceptable; negative as ModSecurity numbers its errors
 *     (the number is part of {@code REQBODY_ERROR_MSG})
 * @param name the {@code name} seen so far, also when parsing failed later in the value
 */
record ContentDisposition(int code, String name, String filename, String filenameStar, boolean invalidQuoting) {

    /** Parses {@code value} for a part that already has {@code name} and {@code filename} (empty if not). */
    static ContentDisposition parse(String value, String name, String filename, String filenameStar) {
        Cursor in = new Cursor(value);
        if (!value.startsWith("form-data")) {
            return new ContentDisposition(-1, name, filename, filenameStar, false);
        }
        in.position = 9;
        boolean invalidQuoting = false;
        in.skipBlanks();
        if (in.atEnd()) {
            return new ContentDisposition(1, name, filename, filenameStar, false);
        }
        if (in.peek() != ';') {
            return new ContentDisposition(-2, name, filename, filenameStar, false);
        }
        in.position++;
        while (!in.atEnd()) {
            in.skipBlanks();
            if (in.atEnd()) {
                return new ContentDisposition(-3, name, filename, filenameStar, invalidQuoting);
            }
            int start = in.position;
            while (!in.atEnd() && in.peek() != '=' && in.peek() != '\t' && in.peek() != ' ') {
                in.position++;
            }
            if (in.atEnd()) {
                return new ContentDisposition(-4, name, filename, filenameStar, invalidQuoting);
            }
            String parameter = value.substring(start, in.position);
            in.skipBlanks();
            if (in.atEnd()) {
                return new ContentDisposition(-5, name, filename, filenameStar, invalidQuoting);
            }
            if (in.peek() != '=') {
                return new ContentDisposition(-13, name, filename, filenameStar, invalidQuoting);
            }
            in.position++;
            in.skipBlanks();
            if (in.atEnd()) {
                return new ContentDisposition(-6, name, filename, filenameStar, invalidQuoting);
            }
            StringBuilder parsed = new StringBuilder();
            char first = in.peek();
            if (first == '"' || first == '\'') {
                invalidQuoting |= first == '\'';
                in.position++;
                if (in.atEnd()) {
                    return new ContentDisposition(-7, name, filename, filenameStar, invalidQuoting);
                }
                while (!in.atEnd()) {
                    char c = in.peek();
                    if (c == '\\') {
                        if (in.position + 1 >= value.length()) {
                            return new ContentDisposition(-8, name, filename, filenameStar, invalidQuoting);
                        }
                        char next = value.charAt(in.position + 1);
                        if (next == first || next == '\\') {
                            in.position++;
                        }
                    } else if (c == first) {
                        break;
                    }
                    parsed.append(in.peek());
                    in.position++;
                }
                // ModSecurity steps over the closing quote even when the value ended without one.
                in.position++;
            } else {
                int valueStart = in.position;
                while (!in.atEnd() && isTokenChar(in.peek())) {
                    in.position++;
                }
                parsed.append(value, valueStart, in.position);
            }
            String text = parsed.toString();
            switch (parameter) {
                case "name" -> {
                    invalidQuoting |= text.indexOf('\'') >= 0;
                    if (!name.isEmpty()) {
                        return new ContentDisposition(-14, name, filename, filenameStar, invalidQuoting);
                    }
                    name = text;
                }
                case "filename" -> {
                    invalidQuoting |= text.indexOf('\'') >= 0;
                    if (!filename.isEmpty()) {
                        return new ContentDisposition(-15, name, filename, filenameStar, invalidQuoting);
                    }
                    filename = text;
                }
                case "filename*" -> {
                    if (first == '"' || first == '\'') {
                        return new ContentDisposition(-16, name, filename, filenameStar, invalidQuoting);
                    }
                    int firstQuote = text.indexOf('\'');
                    int secondQuote = firstQuote < 0 ? -1 : text.indexOf('\'', firstQuote + 1);
                    filenameStar = secondQuote < 0 ? text : text.substring(secondQuote + 1);
                }
                default -> {
                    return new ContentDisposition(-11, name, filename, filenameStar, invalidQuoting);
                }
            }
            if (!in.atEnd()) {
                in.skipBlanks();
                if (in.atEnd()) {
                    break;
                }
                if (in.peek() != ';') {
                    char before = value.charAt(in.position - 1);
                    invalidQuoting |= before == '\'' || before == '"';
                    return new ContentDisposition(-12, name, filename, filenameStar, invalidQuoting);
                }
                in.position++;
            }
        }
        if (filename.isEmpty() && !filenameStar.isEmpty()) {
            return new ContentDisposition(-21, name, filename, filenameStar, invalidQuoting);
        }
        return new ContentDisposition(1, name, filename, filenameStar, invalidQuoting);
    }

    /** RFC 2616 token characters: visible ASCII except separators. */
    static boolean isTokenChar(char c) {
        if (c <= 32 || c >= 127) {
            return false;
        }
        return "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }

    /** A position in the value; reading past the end gives NUL, like the C string it was. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length() || text.charAt(position) == '\0';
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        void skipBlanks() {
            while (!atEnd() && (peek() == '\t' || peek() == ' ')) {
                position++;
            }
        }
    }
}
