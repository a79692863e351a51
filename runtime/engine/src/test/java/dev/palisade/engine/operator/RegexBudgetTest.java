package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catastrophic backtracking ends: where RE2/J can run the pattern, the JDK engine's fast path gives
 * up after a small budget and RE2/J answers exactly (linear time); elsewhere the JDK engine's step
 * budget ends it ({@link PcreRegex.Outcome#LIMIT_EXCEEDED}, which the rule reads as no match).
 * No assertion on time (STYLE.md §7): a missing budget would show as a test that never ends.
 */
class RegexBudgetTest {

    private static final String SUBJECT = "a".repeat(40) + "!";

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a|aa)+$", "^(\\w+\\s?)*$"})
    void re2AnswersWithoutBacktracking(String pattern) throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compile(pattern);
        assertEquals(PcreRegex.Engine.RE2J, regex.engine());
        assertEquals(PcreRegex.Outcome.NO_MATCH, regex.find(SUBJECT, null));
    }

    /**
     * Polynomial backtracking with no group for the JDK's memo to help: {@code a*} seven times is
     * about 40^7 steps on the JDK engine for this subject. The fast path gives up after its small
     * budget and RE2/J gives the exact answer, linear in the input — both ways.
     */
    @Test
    void theFastPathHandsAdversarialInputToRe2WhichAnswersExactly() throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compile("a*a*a*a*a*a*a*b");
        assertEquals(PcreRegex.Engine.RE2J, regex.engine());
        assertEquals(PcreRegex.Outcome.NO_MATCH, regex.find(SUBJECT, null));
        assertEquals(PcreRegex.Outcome.MATCH, regex.find("a".repeat(40) + "b", null));
        PcreRegex budgeted = PcreRegex.compileBudgeted("a*a*a*a*a*a*a*b", PcreRegex.fastBudget(SUBJECT.length()));
        assertEquals(PcreRegex.Outcome.LIMIT_EXCEEDED, budgeted.find(SUBJECT, null),
                "the JDK engine alone would run out of the fast budget here");
    }

    /**
     * The same three on the JDK engine: since JDK 9 its greedy group loops remember failed
     * positions, so these end quickly without needing the budget — a plain no match.
     */
    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a|aa)+$", "^(\\w+\\s?)*$"})
    void theJdkEngineAlsoEndsOnThem(String pattern) throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compileBudgeted(pattern, PcreRegex.DEFAULT_STEP_BUDGET);
        assertEquals(PcreRegex.Engine.BUDGETED_JAVA, regex.engine());
        assertNotEquals(PcreRegex.Outcome.MATCH, regex.find(SUBJECT, null));
    }

    /** A backreference defeats that memo and needs backtracking, so such patterns land on the budget. */
    @ParameterizedTest
    @ValueSource(strings = {"^(a+)+\\1$", "^((a+)+)\\2?$", "^(?:(a)+)+\\1$"})
    void theBudgetStopsCatastrophicBacktracking(String pattern) throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compile(pattern);
        assertEquals(PcreRegex.Engine.BUDGETED_JAVA, regex.engine());
        assertEquals(PcreRegex.Outcome.LIMIT_EXCEEDED, regex.find(SUBJECT, null));
        assertEquals(PcreRegex.Outcome.NO_MATCH, regex.find("aaaa!", null), "short subjects stay within the budget");
        assertEquals(PcreRegex.Outcome.MATCH, regex.find("aaaa", null));
    }

    @Test
    void theRuleSeesNoMatchAndTheContextHearsOfTheLimit() throws OperatorArgumentException {
        Operator rx = Operators.create("rx", "^(a+)+\\1$", null);
        RecordingContext context = RecordingContext.plain();
        assertFalse(rx.evaluate(SUBJECT, context));
        assertEquals(1, context.limitExceeded);
        assertTrue(rx.evaluate("aaaa", context));
        assertEquals(1, context.limitExceeded);
    }

    @Test
    void aDeepRecursionIsALimitNotACrash() throws OperatorArgumentException {
        PcreRegex regex = PcreRegex.compileBudgeted("^(?:a|b)*c", Long.MAX_VALUE);
        PcreRegex.Outcome outcome = regex.find("ab".repeat(200_000), null);
        assertEquals(PcreRegex.Outcome.LIMIT_EXCEEDED, outcome);
    }
}
