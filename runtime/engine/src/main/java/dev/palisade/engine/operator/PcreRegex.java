package dev.palisade.engine.operator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A PCRE pattern as ModSecurity compiles it ({@code PCRE_DOTALL | PCRE_DOLLAR_ENDONLY}, on bytes),
 * translated by {@link PcreTranslation} and run on one of two engines:
 *
 * <ul>
 *   <li><b>{@code java.util.regex} first, then RE2/J</b> whenever the translation compiles on RE2/J and
 *       means the same there: the JDK's backtracking engine is many times faster on ordinary input,
 *       so it runs first under a small step budget that grows with the input
 *       ({@link #fastBudget}); a search that runs out of that budget is repeated on RE2/J, which is
 *       linear in the input. So every answer is exact and no input can make a pattern backtrack
 *       for long (ReDoS-proof);
 *   <li>otherwise <b>{@code java.util.regex} under a step budget</b> — for lookarounds,
 *       backreferences, possessive quantifiers and atomic groups (CRS 3.3.4: 920120, 920600,
 *       942130, 942260, 953120).
 * </ul>
 *
 * <p><b>Budget guarantee.</b> A budgeted match reads its subject through
 * {@link BudgetedCharSequence}; after {@code stepBudget} character reads (default 1,000,000, the
 * order of ModSecurity's {@code SecPcreMatchLimit}) the match is abandoned and {@link #find}
 * returns {@link Outcome#LIMIT_EXCEEDED}, which the rule treats as no match — as ModSecurity does
 * when PCRE reports {@code PCRE_ERROR_MATCHLIMIT} — after telling the context. Every backtracking
 * path that consumes input reads characters, so the work per evaluation is bounded by a constant
 * times the budget. A matcher recursion too deep for the thread's stack also ends as
 * {@code LIMIT_EXCEEDED} (PCRE's {@code match_limit_recursion}). The budget is per evaluation and
 * does not depend on the clock, so the outcome is the same on every machine.
 *
 * <p><b>Prefilter guarantee.</b> {@link #compile} also derives a literal prefilter
 * ({@link RxPrefilter}): literals such that every string the pattern can match contains one of
 * them, up to ASCII case. {@link #find} and {@link #findAll} first make one Aho–Corasick pass over
 * the subject, and if it contains none of the literals answer no match without searching; otherwise
 * the search runs exactly as it would without the prefilter. So a skipped search is one that could
 * not have matched: the prefilter never changes {@link Outcome#MATCH} into anything else, nor a
 * capture. The one visible difference is on a subject that would have exhausted the step budget
 * without a match: the prefilter answers {@link Outcome#NO_MATCH} (the true answer) instead of
 * {@link Outcome#LIMIT_EXCEEDED}, as PCRE itself does when its required-code-unit check fails before
 * matching. Patterns compiled per transaction ({@link #compileUnfiltered}, macro expansions) and
 * {@link #compileBudgeted} (tests) have no prefilter.
 *
 * <p>On JDK 9+ the textbook ReDoS shapes ({@code (a+)+$}, {@code (a|aa)+$}) end quickly even on
 * the JDK engine, which remembers failed positions in greedy group loops; a backreference defeats
 * that memo ({@code ^(a+)+\1$}), and such patterns can only run here — hence the budget.
 */
final class PcreRegex {

    /** Where a pattern runs. */
    enum Engine { RE2J, BUDGETED_JAVA }

    /** The result of one search. */
    enum Outcome { MATCH, NO_MATCH, LIMIT_EXCEEDED }

    static final long DEFAULT_STEP_BUDGET = 1_000_000;

    private static final int CAPTURED_GROUPS = 10;

    private final String source;
    private final com.google.re2j.Pattern re2;
    private final Pattern java;
    private final long stepBudget;
    /** Literals one of which every match contains, or {@code null}: see {@link RxPrefilter}. */
    private final RxPrefilter prefilter;
    /** A matcher over a reusable budgeted sequence, per thread: making a matcher for a large pattern costs more than most searches. */
    private final ThreadLocal<JavaSearch> javaSearch;

    private static final class JavaSearch {
        final BudgetedCharSequence subject = new BudgetedCharSequence("", 0);
        final Matcher matcher;

        JavaSearch(Pattern pattern) {
            matcher = pattern.matcher(subject);
        }
    }

    /** Steps the JDK engine may take before an RE2/J-capable search moves to RE2/J. */
    static long fastBudget(int subjectLength) {
        return 20_000 + 64L * subjectLength;
    }

    private PcreRegex(String source, com.google.re2j.Pattern re2, Pattern java, long stepBudget, RxPrefilter prefilter) {
        this.source = source;
        this.re2 = re2;
        this.java = java;
        this.stepBudget = stepBudget;
        this.prefilter = prefilter;
        this.javaSearch = java == null ? null : ThreadLocal.withInitial(() -> new JavaSearch(java));
    }

    static PcreRegex compile(String pcre) throws OperatorArgumentException {
        return compile(pcre, DEFAULT_STEP_BUDGET);
    }

    static PcreRegex compile(String pcre, long stepBudget) throws OperatorArgumentException {
        return compile(pcre, stepBudget, true, true);
    }

    /**
     * The pattern without a literal prefilter: for a pattern compiled per transaction (a macro
     * expansion), where building the prefilter would cost more than it saves.
     */
    static PcreRegex compileUnfiltered(String pcre) throws OperatorArgumentException {
        return compile(pcre, DEFAULT_STEP_BUDGET, true, false);
    }

    /**
     * The pattern on the budgeted JDK engine even where RE2/J would do, and without a prefilter:
     * tests compare the two engines, and the plain regex with the prefiltered one.
     */
    static PcreRegex compileBudgeted(String pcre, long stepBudget) throws OperatorArgumentException {
        return compile(pcre, stepBudget, false, false);
    }

    private static PcreRegex compile(String pcre, long stepBudget, boolean preferRe2, boolean filtered)
            throws OperatorArgumentException {
        PcreTranslation.Result translation = PcreTranslation.translate(pcre);
        Pattern java;
        try {
            java = Pattern.compile(translation.java(), Pattern.DOTALL | Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            int at = translation.sourceIndex(e.getIndex());
            throw new OperatorArgumentException("invalid regular expression `" + abbreviate(pcre) + "`: "
                    + lowercaseFirst(e.getDescription()), at);
        } catch (RuntimeException | StackOverflowError e) { // e.g. nesting deeper than the compiler's stack
            throw new OperatorArgumentException("invalid regular expression `" + abbreviate(pcre) + "`: too complex");
        }
        RxPrefilter prefilter = filtered ? RxPrefilter.forJavaPattern(translation.java()) : null;
        if (preferRe2 && translation.re2Exact()) {
            try {
                com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(translation.re2(), com.google.re2j.Pattern.DOTALL);
                return new PcreRegex(pcre, re2, java, stepBudget, prefilter);
            } catch (RuntimeException notForRe2) {
                // lookaround, backreference, possessive or atomic: RE2 has none of them
            }
        }
        return new PcreRegex(pcre, null, java, stepBudget, prefilter);
    }

    /** Where an answer is guaranteed from: RE2/J (after the JDK fast path) or the budgeted JDK engine alone. */
    Engine engine() {
        return re2 != null ? Engine.RE2J : Engine.BUDGETED_JAVA;
    }

    String source() {
        return source;
    }

    /** The literal prefilter, or {@code null} if the pattern has none. */
    RxPrefilter prefilter() {
        return prefilter;
    }

    /**
     * Searches {@code subject}; on a match, when the context is capturing, stores groups 0–9 in
     * TX:0–9 (a group that did not take part as the empty string, as ModSecurity v2 does).
     */
    Outcome find(String subject, OperatorContext context) {
        if (prefilter != null && !prefilter.mayMatch(subject)) {
            return Outcome.NO_MATCH;
        }
        if (re2 != null) {
            Outcome fast = findJava(subject, context, fastBudget(subject.length()));
            return fast != Outcome.LIMIT_EXCEEDED ? fast : findRe2(subject, context);
        }
        return findJava(subject, context, stepBudget);
    }

    private Outcome findRe2(String subject, OperatorContext context) {
        com.google.re2j.Matcher m = re2.matcher(subject);
        if (!m.find()) {
            return Outcome.NO_MATCH;
        }
        if (context != null && context.capturing()) {
            for (int g = 0; g <= Math.min(m.groupCount(), CAPTURED_GROUPS - 1); g++) {
                context.capture(g, m.group(g) == null ? "" : m.group(g));
            }
        }
        return Outcome.MATCH;
    }

    private Outcome findJava(String subject, OperatorContext context, long budget) {
        JavaSearch search = javaSearch.get();
        Matcher m = search.matcher.reset(search.subject.reset(subject, budget));
        try {
            if (!m.find()) {
                return Outcome.NO_MATCH;
            }
        } catch (BudgetedCharSequence.Exceeded | StackOverflowError e) {
            return Outcome.LIMIT_EXCEEDED;
        }
        if (context != null && context.capturing()) {
            for (int g = 0; g <= Math.min(m.groupCount(), CAPTURED_GROUPS - 1); g++) {
                context.capture(g, m.group(g) == null ? "" : m.group(g));
            }
        }
        return Outcome.MATCH;
    }

    /**
     * The successive non-overlapping matches (group 0) in {@code subject}, for the verify
     * operators; a search that exceeds the budget ends the list.
     */
    java.util.List<String> findAll(String subject) {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (prefilter != null && !prefilter.mayMatch(subject)) {
            return found;
        }
        if (re2 != null) {
            com.google.re2j.Matcher m = re2.matcher(subject);
            while (m.find()) {
                found.add(m.group());
            }
            return found;
        }
        Matcher m = java.matcher(new BudgetedCharSequence(subject, stepBudget));
        try {
            while (m.find()) {
                found.add(m.group());
            }
        } catch (BudgetedCharSequence.Exceeded | StackOverflowError e) {
            // what was found so far stands
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }

    private static String lowercaseFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
