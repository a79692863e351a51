package dev.palisade.cli.ftw;

/**
 * One request of a test and what must come of it.
 *
 * @param index 1-based position within the test
 */
public record FtwStage(int index, FtwInput input, FtwExpectation expected) {
    public FtwStage withExpected(FtwExpectation replacement) {
        return new FtwStage(index, input, replacement);
    }
}
