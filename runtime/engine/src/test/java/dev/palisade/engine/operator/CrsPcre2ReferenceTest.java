package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Differential test against real PCRE: {@code crs-rx-pcre2.json.gz} holds every non-macro
 * {@code @rx} pattern of CRS 3.3.4, the strings of the CRS 3.3.4 regression tests (raw,
 * URL-decoded, URL-decoded and lower-cased) and, per pattern, which of them libpcre2-8 matches
 * with {@code PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY} — written by
 * {@code src/test/scripts/generate-crs-rx-pcre2.py}. Both engines must give PCRE's answer on
 * every pair (264 × 6,684), and no pair may hit the step budget.
 */
class CrsPcre2ReferenceTest {

    private static final int SHOWN_DIFFERENCES = 20;

    @Test
    void everyCrsPatternMatchesWhatPcre2Matches() throws IOException, OperatorArgumentException {
        JsonNode root;
        try (InputStream in = CrsPcre2ReferenceTest.class.getResourceAsStream("crs-rx-pcre2.json.gz")) {
            assertNotNull(in, "crs-rx-pcre2.json.gz");
            root = new ObjectMapper().readTree(new GZIPInputStream(in));
        }
        List<String> inputs = new ArrayList<>();
        root.get("inputs").forEach(input -> inputs.add(input.asText()));
        List<String> differences = new ArrayList<>();
        int pairs = 0;
        for (JsonNode pattern : root.get("patterns")) {
            Set<Integer> pcreMatches = new HashSet<>();
            pattern.get("matches").forEach(index -> pcreMatches.add(index.asInt()));
            PcreRegex regex = PcreRegex.compile(pattern.get("pattern").asText());
            for (int k = 0; k < inputs.size(); k++, pairs++) {
                PcreRegex.Outcome outcome = regex.find(inputs.get(k), null);
                boolean expected = pcreMatches.contains(k);
                if (outcome == PcreRegex.Outcome.LIMIT_EXCEEDED || (outcome == PcreRegex.Outcome.MATCH) != expected) {
                    differences.add(pattern.get("id").asText() + " (" + regex.engine() + "): PCRE2 " + expected + ", here "
                            + outcome + " on " + OperatorVectorsTest.show(inputs.get(k)));
                }
            }
        }
        System.out.printf("CRS @rx vs PCRE2 %s: %d pairs, %d differences%n", root.get("pcre2").asText(), pairs, differences.size());
        assertEquals(List.of(), differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size())),
                differences.size() + " differences");
    }
}
