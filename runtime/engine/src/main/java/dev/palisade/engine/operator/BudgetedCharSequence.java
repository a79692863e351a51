package dev.palisade.engine.operator;

/**
 * The subject of a backtracking match, counting every character the matcher reads: past the
 * budget, {@link #charAt} throws {@link Exceeded}, which unwinds the matcher. This is the Java
 * counterpart of PCRE's {@code match_limit} ({@code SecPcreMatchLimit}): the JDK matcher has no
 * step limit, but every backtracking step that consumes input reads a character here.
 */
final class BudgetedCharSequence implements CharSequence {

    /** Thrown when the budget is spent; shared and without a stack trace, as it is control flow. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Exceeded INSTANCE = new Exceeded();

        private Exceeded() {
            super("step budget exceeded", null, false, false);
        }
    }

    private String text;
    private long remaining;

    BudgetedCharSequence(String text, long budget) {
        this.text = text;
        this.remaining = budget;
    }

    /** Reuses this sequence for another search (one per thread and pattern: matchers are costly to make). */
    BudgetedCharSequence reset(String text, long budget) {
        this.text = text;
        this.remaining = budget;
        return this;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw Exceeded.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end); // group extraction after a match: not counted
    }

    @Override
    public String toString() {
        return text;
    }
}
