package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where PCRE (as ModSecurity compiles it: DOTALL, DOLLAR_ENDONLY, bytes) and the JDK or RE2/J
 * differ, checked on both engines: RE2/J where the pattern goes there, and the budgeted JDK
 * engine always. Expectations are PCRE's (crs-feature-usage.md, "engine compatibility"), checked
 * against libpcre2-8 10.42 with DOTALL | DOLLAR_ENDONLY; two cases PCRE2 refuses to compile keep
 * PCRE1's lenient reading (ModSecurity v2 may be built with either).
 */
class PcreDifferencesTest {

    /** A pattern, a subject and whether PCRE finds a match. */
    record Difference(String why, String pattern, String subject, boolean match) {
        @Override
        public String toString() {
            return why + ": " + pattern + " on " + subject.replace("\n", "\\n").replace("\u000b", "\\x0b");
        }
    }

    static List<Difference> differences() {
        return List.of(
                new Difference("$ is end-only", "a$", "a\n", false),
                new Difference("$ is end-only", "a$", "a", true),
                new Difference("$ is end-only in a group", "(?:a$)", "a\n", false),
                new Difference("(?m) turns DOLLAR_ENDONLY off", "(?m)a$", "a\nb", true),
                new Difference("(?m) scoped to its group", "(?:(?m)x)a$", "a\n", false),
                new Difference("(?m: scoped", "(?m:a$)", "a\nb", true),
                new Difference("\\z unchanged", "a\\z", "a\n", false),
                new Difference("\\b is ASCII", "a\\b", "a\u00e9", true),
                new Difference("\\b is ASCII", "\\b\u00e9", "\u00e9", false),
                new Difference("\\B is ASCII", "a\\B", "a\u00e9", false),
                new Difference("\\b still a boundary", "\\bselect\\b", "1 select 2", true),
                new Difference("\\b still a boundary", "\\bselect\\b", "xselect", false),
                new Difference("[\\b] is a backspace", "[\\b]", "\b", true),
                new Difference("literal {", "a{", "a{", true),
                new Difference("literal { before a non-quantifier", "\\${x}", "${x}", true),
                new Difference("literal {,n} in PCRE1", "a{,3}", "a{,3}", true),
                new Difference("quantifier kept", "^a{2,3}$", "aaa", true),
                new Difference("quantifier kept", "^a{2}$", "aaa", false),
                new Difference("[ in a class", "[[]", "[", true),
                new Difference("[ in a class", "^[a[]+$", "a[a", true),
                new Difference("&& in a class", "^[&&a]+$", "&a&", true),
                new Difference("&& in a class", "[a&&b]", "a", true),
                new Difference("POSIX class", "^[[:digit:]x]+$", "1x2", true),
                new Difference("POSIX class", "[[:alpha:]]", "12", false),
                new Difference("leading ] in a class", "[]a]", "]", true),
                new Difference("- next to a class escape (PCRE1; PCRE2 rejects it)", "^[\\w-.]+$", "a-.", true),
                new Difference("\\s has \\x0B", "\\s", "\u000b", true),
                new Difference("[\\s] has \\x0B", "[\\s]", "\u000b", true),
                new Difference("\\S lacks \\x0B", "\\S", "\u000b", false),
                new Difference("[\\S] lacks \\x0B", "[\\S]", "\u000b", false),
                new Difference("[\\s\\S] is anything", "^[\\s\\S]$", "\u000b", true),
                new Difference("\\v is vertical space", "\\v", "\n", true),
                new Difference("(?i) is ASCII-only", "(?i)\u00e9", "\u00c9", false),
                new Difference("(?i) is ASCII-only", "(?i)[\u00e0-\u00ff]", "\u00c9", false),
                new Difference("(?i) for ASCII", "(?i)select", "SeLeCt", true),
                new Difference("dot matches newline", "a.b", "a\nb", true),
                new Difference("one-digit \\x", "a\\x9-", "a\t-", true),
                new Difference("\\x{hh}", "\\x{41}", "A", true),
                new Difference("octal \\0", "a\\011b", "a\tb", true),
                new Difference("\\e", "\\e", "\u001b", true),
                new Difference("unknown letter escape is literal (PCRE1; PCRE2 rejects it)", "\\i", "i", true),
                new Difference("bytes above 0x7F", "\\xff", "\u00ff", true),
                new Difference("comment", "a(?#note)b", "ab", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void preferredEngineAgreesWithPcre(Difference d) throws OperatorArgumentException {
        assertEquals(d.match(), PcreRegex.compile(d.pattern()).find(d.subject(), null) == PcreRegex.Outcome.MATCH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void budgetedEngineAgreesWithPcre(Difference d) throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compileBudgeted(d.pattern(), PcreRegex.DEFAULT_STEP_BUDGET);
        assertEquals(d.match(), regex.find(d.subject(), null) == PcreRegex.Outcome.MATCH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void re2TranslationAgreesWithPcreWhereItCompiles(Difference d) {
        PcreTranslation.Result t = PcreTranslation.translate(d.pattern());
        if (!t.re2Exact()) {
            return;
        }
        com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(t.re2(), com.google.re2j.Pattern.DOTALL);
        assertEquals(d.match(), re2.matcher(d.subject()).find());
    }
}
