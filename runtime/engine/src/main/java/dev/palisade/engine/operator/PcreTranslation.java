package dev.palisade.engine.operator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Rewrites a PCRE pattern, as ModSecurity compiles it ({@code PCRE_DOTALL | PCRE_DOLLAR_ENDONLY},
 * one byte per char, no UTF mode), into two texts with the same meaning on byte strings: one for
 * {@code java.util.regex} (compiled with {@code DOTALL | UNIX_LINES}) and one for RE2/J
 * (compiled with {@code DOTALL}). The differences handled, each measured on CRS 3.3.4
 * (crs-feature-usage.md):
 *
 * <ul>
 *   <li>a {@code {} that does not start a quantifier ({@code {n}}, {@code {n,}}, {@code {n,m}}) is a
 *       literal in PCRE; Java throws "Illegal repetition" → {@code \{};
 *   <li>inside a class, {@code [} is a literal in PCRE (Java reads a nested class) → {@code \[},
 *       except a POSIX class {@code [:alpha:]}, which becomes {@code \p{Alpha}} for Java; {@code &&}
 *       is intersection in Java → {@code \&}; a {@code -} next to a class escape is a literal;
 *   <li>{@code $} is end-of-subject only (DOLLAR_ENDONLY) → {@code \z} for Java unless {@code (?m)}
 *       is in force there, when PCRE ignores DOLLAR_ENDONLY and Java's {@code $} under
 *       {@code UNIX_LINES} agrees; RE2's {@code $} already means this;
 *   <li>JDK 17's {@code \b} counts é (0xE9) as a word character, PCRE's does not → an ASCII
 *       lookaround form for Java; RE2's {@code \b} is ASCII already; {@code [\b]} is a backspace;
 *   <li>RE2's {@code \s} lacks {@code \x0B} (PCRE ≥ 8.34 has it) and its {@code \v} is only the
 *       vertical tab → spelled out; {@code \h} spelled out; {@code \e}, {@code \a}, PCRE's one-digit
 *       {@code \x9} and octal {@code \0nn} become {@code \xHH};
 *   <li>RE2's {@code (?i)} folds Latin-1 letters (é/É), PCRE's default tables and Java without
 *       {@code UNICODE_CASE} fold ASCII only → such patterns are marked not RE2-exact.
 * </ul>
 *
 * Not translated (rare, none in CRS): PCRE's {@code (?U)} (ungreedy; Java reads it as Unicode
 * classes), {@code (?x)} comment syntax inside classes, callouts and verbs.
 */
final class PcreTranslation extends PcreEscapes {

    private boolean multiline;
    private final Deque<Boolean> savedMultiline = new ArrayDeque<>();

    /** The two translations; {@code re2Exact} is false where RE2/J would accept a different language. */
    record Result(String java, String re2, boolean re2Exact, int[] javaToSource) {
        /** The source index behind an index of {@link #java()}, for error positions. */
        int sourceIndex(int javaIndex) {
            if (javaToSource.length == 0 || javaIndex < 0) {
                return 0;
            }
            return javaToSource[Math.min(javaIndex, javaToSource.length - 1)];
        }
    }

    private PcreTranslation(String src) {
        super(src);
    }

    static Result translate(String pcre) {
        PcreTranslation t = new PcreTranslation(pcre);
        t.run();
        boolean exact = !t.re2Inexact && !(t.caseless && t.nonAscii);
        return new Result(t.java.toString(), t.re2.toString(), exact, Arrays.copyOf(t.javaToSource, t.java.length()));
    }

    private void run() {
        while (i < src.length()) {
            tokenStart = i;
            char c = src.charAt(i);
            switch (c) {
                case '\\' -> escape(false);
                case '[' -> characterClass();
                case '(' -> openGroup();
                case ')' -> {
                    multiline = savedMultiline.isEmpty() ? multiline : savedMultiline.pop();
                    both(")");
                    i++;
                }
                case '{' -> {
                    int end = quantifierEnd(i);
                    if (end < 0) {
                        both("\\{");
                        i++;
                    } else {
                        both(src.substring(i, end));
                        i = end;
                    }
                }
                case '$' -> {
                    emit(multiline ? "$" : "\\z", "$");
                    i++;
                }
                default -> {
                    literal(c);
                    i++;
                }
            }
        }
    }

    /** The end of a PCRE quantifier {@code {n}}, {@code {n,}} or {@code {n,m}} starting at {@code at}, else -1. */
    private int quantifierEnd(int at) {
        int j = at + 1;
        int digits = j;
        while (j < src.length() && isDigit(src.charAt(j))) {
            j++;
        }
        if (j == digits) {
            return -1;
        }
        if (j < src.length() && src.charAt(j) == ',') {
            j++;
            while (j < src.length() && isDigit(src.charAt(j))) {
                j++;
            }
        }
        return j < src.length() && src.charAt(j) == '}' ? j + 1 : -1;
    }

    private void openGroup() {
        if (!src.startsWith("(?", i)) {
            savedMultiline.push(multiline);
            both("(");
            i++;
            return;
        }
        if (src.startsWith("(?#", i)) { // a comment: Java has no such syntax
            int end = src.indexOf(')', i);
            i = end < 0 ? src.length() : end + 1;
            return;
        }
        if (src.startsWith("(?P<", i)) {
            savedMultiline.push(multiline);
            emit("(?<", "(?P<");
            i += 4;
            return;
        }
        int j = i + 2;
        boolean on = true;
        boolean m = multiline;
        while (j < src.length() && (Character.isLetter(src.charAt(j)) || src.charAt(j) == '-')) {
            char f = src.charAt(j);
            if (f == '-') {
                on = false;
            } else if (f == 'm') {
                m = on;
            } else if (f == 'i' && on) {
                caseless = true;
            } else if (f == 'U' || f == 'x') {
                re2Inexact = true;
            }
            j++;
        }
        if (j > i + 2 && j < src.length() && src.charAt(j) == ')') { // (?flags) for the rest of the group
            multiline = m;
            both(src.substring(i, j + 1));
            i = j + 1;
            return;
        }
        savedMultiline.push(multiline);
        if (j < src.length() && src.charAt(j) == ':') {
            multiline = m;
            both(src.substring(i, j + 1));
            i = j + 1;
            return;
        }
        both("(?");
        i += 2;
    }

    private void characterClass() {
        both("[");
        i++;
        if (i < src.length() && src.charAt(i) == '^') {
            both("^");
            i++;
        }
        if (i < src.length() && src.charAt(i) == ']') { // PCRE: a leading ] is a literal
            both("\\]");
            i++;
        }
        boolean afterClassEscape = false;
        while (i < src.length() && src.charAt(i) != ']') {
            tokenStart = i;
            char c = src.charAt(i);
            boolean classEscape = false;
            if (c == '\\') {
                classEscape = i + 1 < src.length() && "dDwWsShHvVpP".indexOf(src.charAt(i + 1)) >= 0;
                escape(true);
            } else if (c == '[' && posixClass()) {
                classEscape = true;
            } else if (c == '[') {
                both("\\[");
                i++;
            } else if (c == '&') {
                emit("\\&", "&");
                i++;
            } else if (c == '-' && (afterClassEscape || nextIsClassEscape())) {
                both("\\-");
                i++;
            } else {
                literal(c);
                i++;
            }
            afterClassEscape = classEscape;
        }
        if (i < src.length()) {
            tokenStart = i;
            both("]");
            i++;
        }
    }

    private boolean nextIsClassEscape() {
        int n = i + 1;
        return (n + 1 < src.length() && src.charAt(n) == '\\' && "dDwWsShHvVpP".indexOf(src.charAt(n + 1)) >= 0)
                || src.startsWith("[:", n);
    }

    /** {@code [:name:]} or {@code [:^name:]} at {@code i}: Java spells it {@code \p{Name}}. */
    private boolean posixClass() {
        if (!src.startsWith("[:", i)) {
            return false;
        }
        int end = src.indexOf(":]", i + 2);
        if (end < 0) {
            return false;
        }
        boolean negated = src.charAt(i + 2) == '^';
        String name = src.substring(i + (negated ? 3 : 2), end);
        String property = switch (name) {
            case "alpha" -> "Alpha";
            case "digit" -> "Digit";
            case "alnum" -> "Alnum";
            case "upper" -> "Upper";
            case "lower" -> "Lower";
            case "space" -> "Space";
            case "punct" -> "Punct";
            case "print" -> "Print";
            case "graph" -> "Graph";
            case "cntrl" -> "Cntrl";
            case "xdigit" -> "XDigit";
            case "blank" -> "Blank";
            case "ascii" -> "ASCII";
            case "word" -> "word";
            default -> null;
        };
        if (property == null) {
            return false;
        }
        String javaText = property.equals("word") ? (negated ? "\\W" : "\\w") : (negated ? "\\P{" : "\\p{") + property + "}";
        emit(javaText, src.substring(i, end + 2));
        i = end + 2;
        return true;
    }
}
