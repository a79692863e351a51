package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test against real PCRE: {@code crs-rx-pcre2.json} holds every non-macro
 * {@code @rx} pattern of the installed CRS 3.3.4, the strings of the CRS 3.3.4 regression tests
 * (raw, URL-decoded, URL-decoded and lower-cased) and, per pattern, which of them libpcre2-8
 * matches with {@code PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY} — written at CI time by
 * {@code src/test/scripts/generate-crs-rx-pcre2.py} into {@code target/}. Both engines must give PCRE's answer on
 * every pair (264 × 6,684), and no pair may hit the step budget.
 */
class CrsPcre2ReferenceTest {
    /** Generated, never committed: CRS rules and its tests are not copied into this repository. */
    static final String REFERENCE = "runtime/engine/target/crs-rx-pcre2.json";
    static final String GENERATOR = "runtime/engine/src/test/scripts/generate-crs-rx-pcre2.py";

    private static final int SHOWN_DIFFERENCES = 20;

    @Test
    void everyCrsPatternMatchesWhatPcre2Matches() throws IOException, OperatorArgumentException {
        JsonNode root;
        Path reference = Path.of(System.getProperty("palisade.root", "../..")).resolve(REFERENCE).normalize();
        Assumptions.assumeTrue(Files.isReadable(reference), "skipped: no PCRE2 reference at " + reference
                + "; .ci/run writes it with `python3 " + GENERATOR + " " + REFERENCE
                + " ../shared/crs-regression/v3.3.4` (needs Debian's modsecurity-crs, python3-yaml and libpcre2-8;"
                + " the regression tests are OWASP CRS's own, github.com/coreruleset/coreruleset tests/regression)");
        try (InputStream in = Files.newInputStream(reference)) {
            root = new ObjectMapper().readTree(in);
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
