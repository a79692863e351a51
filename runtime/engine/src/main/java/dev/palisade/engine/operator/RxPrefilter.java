package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A literal prefilter for a regular expression, the technique of RE2's prefilter, Hyperscan and
 * codesearch: a set of literals such that <b>every string the pattern can match contains at least
 * one of them</b> (ASCII case-insensitively). A subject that contains none cannot hold a match, so
 * the search can be skipped; otherwise the regex runs as before. One Aho–Corasick pass
 * ({@link PhraseMatcher}, built once) decides, with no allocation.
 *
 * <p>The literals are computed from the {@code java.util.regex} text that {@link PcreTranslation}
 * produces — the very text the engine compiles, with PCRE's quirks already resolved — by a
 * conservative walk: each sub-pattern gets either an <i>exact</i> set (every string it matches is,
 * up to ASCII case, one of these), a <i>contains</i> set (every string it matches contains one of
 * these), or <i>unconstrained</i>:
 *
 * <ul>
 *   <li>a literal char is exact; a class of at most {@link #MAX_CLASS} chars (after ASCII folding,
 *       all ≤ 0xFF, membership taken from {@code java.util.regex} itself) is exact; {@code .},
 *       larger or negated classes, {@code \d \w \s \p{…}} etc. are unconstrained;
 *   <li>zero-width items (anchors, {@code \b}, lookarounds, inline flags) are exactly the empty
 *       string; a backreference is unconstrained;
 *   <li>a concatenation is the cross product of exact sets while it has at most
 *       {@link #MAX_EXACT} strings, else the more selective of its parts;
 *   <li>an alternation is the union (exact if all are exact); one unconstrained branch makes it
 *       unconstrained;
 *   <li>{@code X?} is exact X ∪ {""}; other quantifiers with minimum 0 are unconstrained;
 *       {@code X{n,m}} with n ≥ 1 is at least {@code X} repeated min(n, 4) times.
 * </ul>
 *
 * Matching always folds ASCII case, so the literals hold whatever {@code (?i)} scopes the pattern
 * has (the JDK without {@code UNICODE_CASE}, PCRE without UTF and RE2 on bytes all fold nothing
 * beyond ASCII that can occur in a byte string). A literal that is a char above 0xFF, or a class
 * that could match one, is never used (the automaton works on bytes). Anything the walk does not
 * know — {@code (?x)}, {@code (?u)}, {@code (?U)}, an escape it cannot read, unbalanced groups —
 * gives no prefilter.
 *
 * <p>A literal is worth a pass only if it is selective ({@link Policy}): at least
 * {@link #MIN_LITERAL} chars, or shorter but holding a char other than an ASCII letter, digit or
 * space ({@code ;}, {@code |}, {@code $(}, {@code ..}). A result with any other literal gives no
 * prefilter. Measured on the CRS 3.3.4 PCRE2 reference data (264 patterns × 6,684 inputs): 224
 * patterns get a prefilter and 83.8% of the non-matching searches are skipped (3+ chars only:
 * 154 patterns, 61.2%; 2+ chars: 170, 67.0%); on the 1,009 {@code @rx} searches of a benign PL1
 * GET, 972 are skipped.
 */
final class RxPrefilter {

    /** Literals of only letters, digits and spaces shorter than this rarely skip anything (RxPrefilterTest measures). */
    static final int MIN_LITERAL = 3;
    /** Chars of a class that still count as exact alternatives. */
    static final int MAX_CLASS = 4;
    /** Strings a cross product may have. */
    static final int MAX_EXACT = 16;
    /** Repetitions of a counted quantifier's minimum that are spelled out. */
    private static final int MAX_REPEAT = 4;
    /** Total literal chars above which the automaton would be larger than it is worth. */
    private static final int MAX_TOTAL_CHARS = 20_000;

    private static final Pattern COUNTS = Pattern.compile("\\d+(,\\d*)?");
    private static final Pattern GROUP_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    /** The 256 one-char strings, to ask a class about each byte without allocating. */
    private static final String[] BYTES = new String[256];

    static {
        for (int c = 0; c < 256; c++) {
            BYTES[c] = String.valueOf((char) c);
        }
    }

    private final List<String> literals;
    private final PhraseMatcher matcher;

    /** The length of the shortest literal: a shorter subject cannot hold one. */
    private final int shortest;

    private RxPrefilter(List<String> literals) {
        this.literals = literals;
        this.matcher = PhraseMatcher.of(literals);
        this.shortest = literals.stream().mapToInt(String::length).min().orElse(0);
    }

    /**
     * The prefilter for a {@code java.util.regex} pattern as {@link PcreTranslation} writes it, or
     * {@code null} if the pattern admits no useful one.
     */
    static RxPrefilter forJavaPattern(String javaPattern) {
        List<String> literals = literals(javaPattern);
        return literals == null ? null : new RxPrefilter(literals);
    }

    /** The literals for a translated pattern (lower-cased, sorted), or {@code null} if none is useful. */
    static List<String> literals(String javaPattern) {
        return literals(javaPattern, Policy.DEFAULT);
    }

    /**
     * Which literals are worth a pass over the subject: those of at least {@code minLength}
     * chars, and with {@code rareChars} also shorter ones holding a char other than an ASCII
     * letter, digit or space (a {@code ;} or {@code <} is rare in ordinary values; an {@code a} is not).
     */
    record Policy(int minLength, boolean rareChars) {
        static final Policy DEFAULT = new Policy(MIN_LITERAL, true);

        boolean accepts(String literal) {
            if (literal.length() >= minLength) {
                return true;
            }
            if (!rareChars || literal.isEmpty()) {
                return false;
            }
            for (int k = 0; k < literal.length(); k++) {
                if (!common(literal.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        static boolean common(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
        }
    }

    /** {@link #literals(String)} under another policy, for measuring. */
    static List<String> literals(String javaPattern, Policy policy) {
        Info info;
        try {
            Parser parser = new Parser(javaPattern, policy);
            info = parser.alternation();
            if (parser.p != javaPattern.length()) {
                return null; // an unbalanced ')': not a pattern we understand
            }
        } catch (GiveUp | RuntimeException e) {
            return null;
        }
        Set<String> set = info.exact != null ? info.exact : info.contains;
        if (set == null || set.isEmpty()) {
            return null;
        }
        int total = 0;
        for (String s : set) {
            if (!policy.accepts(s) || s.chars().anyMatch(c -> c > 0xFF)) {
                return null;
            }
            total += s.length();
        }
        return total > MAX_TOTAL_CHARS ? null : Collections.unmodifiableList(minimal(set));
    }

    /** The literals without those that contain another one (a subject holding them holds the shorter one too). */
    private static List<String> minimal(Set<String> set) {
        List<String> byLength = new ArrayList<>(set);
        byLength.sort(java.util.Comparator.comparingInt(String::length));
        List<String> kept = new ArrayList<>();
        for (String literal : byLength) {
            boolean redundant = false;
            for (String shorter : kept) {
                if (literal.contains(shorter)) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) {
                kept.add(literal);
            }
        }
        Collections.sort(kept);
        return kept;
    }

    List<String> literals() {
        return literals;
    }

    /** False only if {@code subject} cannot contain a match of the pattern. */
    boolean mayMatch(String subject) {
        return subject.length() >= shortest && matcher.find(subject) != null;
    }

    // ---------------------------------------------------------------------------------------------

    /** Thrown where the walk meets syntax it does not model: no prefilter. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp(String why) {
            super(why, null, false, false);
        }
    }

    /** Exact set, contains set, or neither (unconstrained). Sets hold ASCII-lower-cased strings. */
    private record Info(Set<String> exact, Set<String> contains) {
        static final Info ANY = new Info(null, null);
        static final Info EMPTY = exact(Set.of(""));

        static Info exact(Set<String> strings) {
            return new Info(strings, null);
        }

        static Info contains(Set<String> strings) {
            return strings == null ? ANY : new Info(null, strings);
        }

        /** What every match contains: the exact strings if none is empty, else nothing. */
        Set<String> required() {
            if (exact != null) {
                return exact.contains("") ? null : exact;
            }
            return contains;
        }
    }

    private static Info union(List<Info> branches) {
        boolean allExact = true;
        for (Info b : branches) {
            allExact &= b.exact != null;
        }
        Set<String> out = new TreeSet<>();
        for (Info b : branches) {
            Set<String> part = allExact ? b.exact : b.required();
            if (part == null) {
                return Info.ANY;
            }
            out.addAll(part);
        }
        return allExact ? Info.exact(out) : Info.contains(out);
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            b.append(fold(s.charAt(k)));
        }
        return b.toString();
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Recursive descent over {@code java.util.regex} syntax, computing {@link Info} on the way. */
    private static final class Parser {
        private final String t;
        private final Policy policy;
        int p;

        Parser(String t, Policy policy) {
            this.t = t;
            this.policy = policy;
        }

        /** Roughly how often a set's literals occur in ordinary text: lower is more selective. */
        private double score(Set<String> set) {
            if (set == null) {
                return Double.MAX_VALUE;
            }
            double s = 0;
            for (String literal : set) {
                if (!policy.accepts(literal)) {
                    return Double.MAX_VALUE;
                }
                double p = 1;
                for (int k = 0; k < literal.length() && k < 12; k++) {
                    p *= Policy.common(literal.charAt(k)) ? 1.0 / 10 : 1.0 / 40;
                }
                s += p;
            }
            return s;
        }

        private Info concat(Info a, Info b) {
            if (a.exact != null && b.exact != null && a.exact.size() == 1 && b.exact.size() == 1) { // a literal run
                return Info.exact(Set.of(a.exact.iterator().next() + b.exact.iterator().next()));
            }
            if (a.exact != null && b.exact != null && (long) a.exact.size() * b.exact.size() <= MAX_EXACT) {
                Set<String> product = new TreeSet<>();
                for (String x : a.exact) {
                    for (String y : b.exact) {
                        product.add(x + y);
                    }
                }
                return Info.exact(product);
            }
            return Info.contains(better(a.required(), b.required()));
        }

        /** The more selective of two requirements ({@code null}: none). */
        private Set<String> better(Set<String> a, Set<String> b) {
            return score(a) <= score(b) ? a : b;
        }

        private boolean more() {
            return p < t.length();
        }

        private char peek() {
            return t.charAt(p);
        }

        Info alternation() throws GiveUp {
            List<Info> branches = new ArrayList<>();
            branches.add(sequence());
            while (more() && peek() == '|') {
                p++;
                branches.add(sequence());
            }
            return branches.size() == 1 ? branches.get(0) : union(branches);
        }

        /**
         * A concatenation: runs of exact items multiply out (a literal run like {@code select}
         * stays whole even after an unconstrained item); each run that grows too large, and each
         * item that is not exact, is a requirement of its own, and the most selective one stands.
         */
        private Info sequence() throws GiveUp {
            Info run = Info.EMPTY;
            Set<String> required = null;
            boolean split = false;
            while (more() && peek() != '|' && peek() != ')') {
                Info item = quantified();
                if (item.exact != null && (long) run.exact.size() * item.exact.size() <= MAX_EXACT) {
                    run = concat(run, item);
                    continue;
                }
                split = true;
                required = better(required, run.required());
                if (item.exact != null) {
                    run = item;
                } else {
                    required = better(required, item.required());
                    run = Info.EMPTY;
                }
            }
            return split ? Info.contains(better(required, run.required())) : run;
        }

        private Info quantified() throws GiveUp {
            Info atom = atom();
            if (!more()) {
                return atom;
            }
            int min;
            int max; // -1: unbounded
            char c = peek();
            if (c == '*') {
                min = 0;
                max = -1;
                p++;
            } else if (c == '+') {
                min = 1;
                max = -1;
                p++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                p++;
            } else if (c == '{') {
                int close = t.indexOf('}', p);
                if (close < 0) {
                    throw new GiveUp("bad quantifier");
                }
                String body = t.substring(p + 1, close);
                int comma = body.indexOf(',');
                if (!COUNTS.matcher(body).matches()) {
                    throw new GiveUp("bad quantifier");
                }
                min = parseCount(comma < 0 ? body : body.substring(0, comma));
                max = comma < 0 ? min : comma == body.length() - 1 ? -1 : parseCount(body.substring(comma + 1));
                p = close + 1;
            } else {
                return atom;
            }
            if (more() && (peek() == '?' || peek() == '+')) { // lazy or possessive: the same strings
                p++;
            }
            if (min == 0) {
                if (max == 0) {
                    return Info.EMPTY;
                }
                if (max == 1 && atom.exact != null) {
                    Set<String> optional = new TreeSet<>(atom.exact);
                    optional.add("");
                    return Info.exact(optional);
                }
                return Info.ANY;
            }
            int reps = Math.min(min, MAX_REPEAT);
            Info out = atom;
            for (int k = 1; k < reps; k++) {
                out = concat(out, atom);
            }
            return max == reps ? out : concat(out, Info.ANY);
        }

        private int parseCount(String digits) throws GiveUp {
            if (digits.length() > 6) {
                throw new GiveUp("huge count");
            }
            return Integer.parseInt(digits);
        }

        private Info atom() throws GiveUp {
            char c = peek();
            switch (c) {
                case '(':
                    return group();
                case '[': {
                    return characterClass();
                }
                case '.':
                    p++;
                    return Info.ANY;
                case '^':
                case '$':
                    p++;
                    return Info.EMPTY;
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new GiveUp("dangling quantifier");
                default:
                    p++;
                    return Info.exact(Set.of(String.valueOf(fold(c))));
            }
        }

        private Info group() throws GiveUp {
            p++; // (
            boolean zeroWidth = false;
            if (t.startsWith("?", p)) {
                if (t.startsWith("?:", p) || t.startsWith("?>", p)) {
                    p += 2;
                } else if (t.startsWith("?=", p) || t.startsWith("?!", p)) {
                    p += 2;
                    zeroWidth = true;
                } else if (t.startsWith("?<=", p) || t.startsWith("?<!", p)) {
                    p += 3;
                    zeroWidth = true;
                } else if (t.startsWith("?<", p)) {
                    int close = t.indexOf('>', p);
                    if (close < 0 || !GROUP_NAME.matcher(t.substring(p + 2, close)).matches()) {
                        throw new GiveUp("bad group name");
                    }
                    p = close + 1;
                } else {
                    int j = p + 1;
                    while (j < t.length() && "idmsuxU-".indexOf(t.charAt(j)) >= 0) {
                        if ("uxU".indexOf(t.charAt(j)) >= 0) {
                            throw new GiveUp("flag " + t.charAt(j));
                        }
                        j++;
                    }
                    if (j == p + 1 || j >= t.length()) {
                        throw new GiveUp("unknown group");
                    }
                    if (t.charAt(j) == ')') { // (?flags): zero width; case is always folded
                        p = j + 1;
                        return Info.EMPTY;
                    }
                    if (t.charAt(j) != ':') {
                        throw new GiveUp("unknown group");
                    }
                    p = j + 1;
                }
            }
            Info inner = alternation();
            if (!more() || peek() != ')') {
                throw new GiveUp("unclosed group");
            }
            p++;
            return zeroWidth ? Info.EMPTY : inner;
        }

        /** An escape outside a class. */
        private Info escape() throws GiveUp {
            if (p + 1 >= t.length()) {
                throw new GiveUp("trailing backslash");
            }
            char e = t.charAt(p + 1);
            if (e >= '1' && e <= '9') { // backreference, with all the digits Java may take
                p += 2;
                while (more() && peek() >= '0' && peek() <= '9') {
                    p++;
                }
                return Info.ANY;
            }
            switch (e) {
                case 'b':
                    if (t.startsWith("{", p + 2)) {
                        throw new GiveUp("\\b{g}");
                    }
                    p += 2;
                    return Info.EMPTY;
                case 'B':
                case 'A':
                case 'G':
                case 'Z':
                case 'z':
                    p += 2;
                    return Info.EMPTY;
                case 'k': {
                    int close = t.indexOf('>', p);
                    if (close < 0 || !t.startsWith("k<", p + 1)) {
                        throw new GiveUp("bad \\k");
                    }
                    p = close + 1;
                    return Info.ANY;
                }
                case 'Q': {
                    int end = t.indexOf("\\E", p + 2);
                    String quoted = t.substring(p + 2, end < 0 ? t.length() : end);
                    p = end < 0 ? t.length() : end + 2;
                    return Info.exact(Set.of(lower(quoted)));
                }
                case 'd':
                case 'D':
                case 'w':
                case 'W':
                case 's':
                case 'S':
                case 'h':
                case 'H':
                case 'v':
                case 'V':
                case 'R':
                case 'X':
                    p += 2;
                    return Info.ANY;
                case 'p':
                case 'P':
                    skipProperty();
                    return Info.ANY;
                default:
                    return Info.exact(Set.of(String.valueOf(fold(escapedChar()))));
            }
        }

        /** {@code \p{…}} or {@code \pL} at {@code p}. */
        private void skipProperty() throws GiveUp {
            p += 2;
            if (more() && peek() == '{') {
                int close = t.indexOf('}', p);
                if (close < 0) {
                    throw new GiveUp("bad \\p");
                }
                p = close + 1;
            } else if (more()) {
                p++;
            } else {
                throw new GiveUp("bad \\p");
            }
        }

        /** A single-char escape at {@code p} ({@code \xHH}, {@code \t}, {@code \.} …): its char. */
        private char escapedChar() throws GiveUp {
            char e = t.charAt(p + 1);
            p += 2;
            switch (e) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'a':
                    return '\u0007';
                case 'e':
                    return '\u001B';
                case 'x': {
                    if (more() && peek() == '{') {
                        int close = t.indexOf('}', p);
                        if (close < 0 || close - p > 7) {
                            throw new GiveUp("bad \\x{}");
                        }
                        int value = Integer.parseInt(t.substring(p + 1, close), 16);
                        if (value > 0xFFFF) {
                            throw new GiveUp("supplementary");
                        }
                        p = close + 1;
                        return (char) value;
                    }
                    if (p + 2 > t.length()) {
                        throw new GiveUp("bad \\x");
                    }
                    int value = Integer.parseInt(t.substring(p, p + 2), 16);
                    p += 2;
                    return (char) value;
                }
                case 'u': {
                    if (p + 4 > t.length()) {
                        throw new GiveUp("bad \\u");
                    }
                    int value = Integer.parseInt(t.substring(p, p + 4), 16);
                    p += 4;
                    return (char) value;
                }
                default:
                    if (Character.isLetterOrDigit(e) || e >= 0x80) {
                        throw new GiveUp("escape \\" + e); // \0 octal, \c, \N … : not written by the translation
                    }
                    return e;
            }
        }

        /**
         * A class: its members (below 0x100) are asked of {@code java.util.regex} itself; it is
         * exact only if it is positive, every item is a literal char or range (so nothing above
         * 0xFF can match it), and it has at most {@link #MAX_CLASS} members up to ASCII case.
         */
        private Info characterClass() throws GiveUp {
            int start = p;
            p++;
            boolean simple = true;
            if (more() && peek() == '^') {
                simple = false;
                p++;
            }
            boolean first = true;
            while (true) {
                if (!more()) {
                    throw new GiveUp("unclosed class");
                }
                char c = peek();
                if (c == ']' && !first) {
                    p++;
                    break;
                }
                first = false;
                if (c == '[') { // a nested class (union in Java)
                    simple = false;
                    characterClass();
                } else if (c == '&' && t.startsWith("&&", p)) {
                    simple = false;
                    p += 2;
                } else if (c == '\\') {
                    if (p + 1 >= t.length()) {
                        throw new GiveUp("trailing backslash");
                    }
                    char e = t.charAt(p + 1);
                    if ("dDwWsShHvV".indexOf(e) >= 0) {
                        simple = false;
                        p += 2;
                    } else if (e == 'p' || e == 'P') {
                        simple = false;
                        skipProperty();
                    } else if (e == 'Q') {
                        int end = t.indexOf("\\E", p + 2);
                        if (end < 0) {
                            throw new GiveUp("\\Q in class");
                        }
                        simple = false; // not written by the translation: not worth modelling
                        p = end + 2;
                    } else {
                        char value = escapedChar();
                        simple &= value <= 0xFF;
                    }
                } else {
                    simple &= c <= 0xFF;
                    p++;
                }
            }
            if (!simple) {
                return Info.ANY;
            }
            Pattern clazz = Pattern.compile(t.substring(start, p), Pattern.DOTALL | Pattern.UNIX_LINES);
            Set<String> members = new TreeSet<>();
            java.util.regex.Matcher m = clazz.matcher("");
            for (char c = 0; c <= 0xFF; c++) {
                if (m.reset(BYTES[c]).matches()) {
                    members.add(String.valueOf(fold(c)));
                    if (members.size() > MAX_CLASS) {
                        return Info.ANY;
                    }
                }
            }
            return members.isEmpty() ? Info.ANY : Info.exact(members);
        }
    }
}
