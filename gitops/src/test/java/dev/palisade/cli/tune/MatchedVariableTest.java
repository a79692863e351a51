package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The variable an exclusion targets, read from what CRS logs as a rule's data. */
class MatchedVariableTest {
    @Test
    void readsTheNameAfterFoundWithin() {
        assertEquals(Optional.of("ARGS:q"), MatchedVariable.from("Matched Data: select found within ARGS:q: select a"));
        assertEquals(Optional.of("REQUEST_COOKIES:session"),
                MatchedVariable.from("Matched Data: ' found within REQUEST_COOKIES:session: x'y"));
        assertEquals(Optional.of("REQUEST_HEADERS:User-Agent"),
                MatchedVariable.from("Matched Data: nikto found within REQUEST_HEADERS:User-Agent: nikto"));
        assertEquals(Optional.of("REQUEST_FILENAME"),
                MatchedVariable.from("Matched Data: ../ found within REQUEST_FILENAME: /../etc"));
    }

    @Test
    void dataThatNamesNoVariableGivesNone() {
        assertEquals(Optional.empty(), MatchedVariable.from(null));
        assertEquals(Optional.empty(), MatchedVariable.from(""));
        assertEquals(Optional.empty(), MatchedVariable.from("Total Score: 10"));
        // A variable whose value merely contains the phrase is not the matched variable.
        assertEquals(Optional.empty(), MatchedVariable.from("found within nothing"));
    }
}
