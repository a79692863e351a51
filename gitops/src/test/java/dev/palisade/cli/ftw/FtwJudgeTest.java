package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FtwJudgeTest {

    static FtwExpectation expect(List<Integer> status, List<String> log, List<String> noLog, List<Long> ids,
            List<Long> noIds, boolean error) {
        return new FtwExpectation(status, log, noLog, ids, noIds, List.of(), error, false);
    }

    static FtwOutcome fired(int status, Long... ids) {
        Set<Long> set = Set.of(ids);
        return new FtwOutcome(OptionalInt.of(status), set, ErrorLog.renderIds(set), true, Optional.empty(),
                Optional.empty());
    }

    @Test
    void logContainsIsARegexOverTheRenderedLog() {
        FtwExpectation expected = expect(List.of(), List.of("id \"942100\""), List.of(), List.of(), List.of(), false);
        assertEquals(FtwVerdict.passed(), FtwJudge.judge(expected, fired(200, 942100L, 949110L)));
        assertEquals(FtwVerdict.failed("log does not match `id \"942100\"`, fired [920350, 942110]"),
                FtwJudge.judge(expected, fired(200, 942110L, 920350L)));
        // the suite's odd forms behave as in the reference: a bare number matches, id: never does
        assertEquals(FtwVerdict.passed(), FtwJudge.judge(expect(List.of(), List.of("930120"), List.of(), List.of(),
                List.of(), false), fired(200, 930120L)));
        assertEquals(FtwVerdict.passed(), FtwJudge.judge(expect(List.of(), List.of(), List.of("id:921140"), List.of(),
                List.of(), false), fired(200, 921140L)));
    }

    @Test
    void expectIdsAreSets() {
        FtwExpectation expected = expect(List.of(), List.of(), List.of(), List.of(942100L), List.of(949110L), false);
        assertEquals(FtwVerdict.passed(), FtwJudge.judge(expected, fired(200, 942100L)));
        assertEquals(FtwVerdict.failed("expected 942100, fired [920350, 942110]"),
                FtwJudge.judge(expected, fired(200, 942110L, 920350L)));
        assertEquals(FtwVerdict.failed("expected 949110 not to fire, fired [942100, 949110]"),
                FtwJudge.judge(expected, fired(200, 942100L, 949110L)));
        assertEquals(FtwVerdict.failed("expected 942100, fired nothing"), FtwJudge.judge(expected, fired(200)));
    }

    @Test
    void statusIsOneOfTheList() {
        FtwExpectation one = expect(List.of(400), List.of(), List.of(), List.of(), List.of(), false);
        FtwExpectation many = expect(List.of(403, 400), List.of(), List.of(), List.of(), List.of(), false);
        assertEquals(FtwVerdict.passed(), FtwJudge.judge(many, fired(400)));
        assertEquals(FtwVerdict.failed("expected status 400, got 200"), FtwJudge.judge(one, fired(200)));
        assertEquals(FtwVerdict.failed("expected status one of [403, 400], got 200"), FtwJudge.judge(many, fired(200)));
    }

    @Test
    void everyUnmetExpectationIsInTheReason() {
        FtwExpectation expected = expect(List.of(403), List.of(), List.of(), List.of(1L), List.of(), false);
        assertEquals(FtwVerdict.failed("expected status 403, got 200; expected 1, fired nothing"),
                FtwJudge.judge(expected, fired(200)));
    }

    @Test
    void expectErrorWantsNoValidResponse() {
        FtwExpectation expected = expect(List.of(), List.of(), List.of(), List.of(), List.of(), true);
        assertEquals(FtwVerdict.passed(), FtwJudge.judge(expected, FtwOutcome.httpError("timed out")));
        assertEquals(FtwVerdict.failed("expected an HTTP-level error, got status 200"), FtwJudge.judge(expected, fired(200)));
        assertEquals(FtwVerdict.failed("no valid HTTP response: timed out"), FtwJudge.judge(
                expect(List.of(200), List.of(), List.of(), List.of(), List.of(), false), FtwOutcome.httpError("timed out")));
    }

    @Test
    void whatTheTargetCannotTellIsSkippedUnlessSomethingElseFailed() {
        FtwOutcome blind = new FtwOutcome(OptionalInt.of(200), Set.of(), "", false, Optional.empty(), Optional.of(""));
        FtwExpectation ids = expect(List.of(), List.of(), List.of(), List.of(942100L), List.of(), false);
        assertEquals(FtwVerdict.Kind.SKIPPED, FtwJudge.judge(ids, blind).kind());
        FtwExpectation idsAndStatus = expect(List.of(403), List.of(), List.of(), List.of(942100L), List.of(), false);
        assertEquals(FtwVerdict.failed("expected status 403, got 200"), FtwJudge.judge(idsAndStatus, blind));
        FtwExpectation body = new FtwExpectation(List.of(), List.of(), List.of(), List.of(), List.of(), List.of("ok"),
                false, false);
        assertEquals(FtwVerdict.Kind.SKIPPED, FtwJudge.judge(body, fired(200)).kind());
    }
}
