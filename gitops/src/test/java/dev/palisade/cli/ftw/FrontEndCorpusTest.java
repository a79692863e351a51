package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every stage of the real suites through {@link RawRequests} and {@link RawRequestParser}: the HTTP
 * layer refuses exactly where the suite expects a 400 from Apache, answers nothing where it expects
 * an HTTP error, and lets every other request through to the WAF.
 */
class FrontEndCorpusTest {

    @Test
    void crs334() throws Exception {
        check("v3.3.4", List.of(), List.of());
    }

    @Test
    void crsV4() throws Exception {
        check("v4", List.of(), List.of());
    }

    private static void check(String folder, List<String> knownRefusedWithoutStatus, List<String> knownAccepted)
            throws Exception {
        FtwLoader.Loaded loaded = FtwLoader.load(List.of(CrsRegressionData.folder(folder)));
        List<String> overRefused = new ArrayList<>();
        List<String> underRefused = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (FtwSuite suite : loaded.suites()) {
            for (FtwTest test : suite.tests()) {
                for (FtwStage stage : test.stages()) {
                    ParsedRequest parsed = RawRequestParser.parse(RawRequests.build(stage.input()), stage.input().port());
                    FtwExpectation expected = stage.expected();
                    boolean wants400 = expected.status().equals(List.of(400));
                    boolean allows400 = expected.status().isEmpty() || expected.status().contains(400);
                    String id = test.id() + " " + describe(parsed);
                    if (expected.expectError() != (parsed instanceof ParsedRequest.Unanswered)) {
                        errors.add(id);
                    } else if (parsed instanceof ParsedRequest.Refused && !allows400) {
                        overRefused.add(id);
                    } else if (parsed instanceof ParsedRequest.Refused && !expected.expectIds().isEmpty()) {
                        overRefused.add(id);
                    } else if (parsed instanceof ParsedRequest.Refused && !expected.logContains().isEmpty()) {
                        overRefused.add(id);
                    } else if (wants400 && !(parsed instanceof ParsedRequest.Refused)) {
                        underRefused.add(id);
                    }
                }
            }
        }
        assertEquals(knownRefusedWithoutStatus, overRefused, "refused, but the suite expects the WAF to see them");
        assertEquals(knownAccepted, underRefused, "accepted, but the suite expects 400");
        assertEquals(List.of(), errors, "expect_error and no answer disagree");
    }

    private static String describe(ParsedRequest parsed) {
        if (parsed instanceof ParsedRequest.Refused refused) {
            return "refused: " + refused.reason();
        }
        if (parsed instanceof ParsedRequest.Unanswered unanswered) {
            return "unanswered: " + unanswered.reason();
        }
        return "accepted";
    }
}
