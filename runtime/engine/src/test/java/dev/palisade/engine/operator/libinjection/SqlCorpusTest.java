package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detection over upstream's sample corpora, with upstream's own acceptance thresholds
 * ({@code src/test-samples-sqli-positive.sh} and {@code …-negative.sh}): at most 18 attack
 * samples missed across {@code data/sqli-*.txt}, at most 21 benign samples flagged in
 * {@code data/false_positives.txt}. Lines are URL-decoded first, as upstream's reader does.
 */
class SqlCorpusTest {

    private static final int MAX_MISSED = 18;
    private static final int MAX_FALSE_POSITIVES = 21;

    @Test
    void attackSamplesAreDetected() {
        Path data = LibinjectionData.folder().resolve("data");
        int total = 0;
        List<String> missed = new ArrayList<>();
        for (Path file : LibinjectionData.files(data, "sqli-")) {
            for (String sample : LibinjectionData.corpus(file)) {
                total++;
                if (!SqlInjectionDetector.detect(sample).injection()) {
                    missed.add(file.getFileName() + ": " + sample);
                }
            }
        }
        System.out.printf("SQLi corpus: %d samples, %d detected, %d missed (upstream allows %d)%n",
                total, total - missed.size(), missed.size(), MAX_MISSED);
        missed.forEach(line -> System.out.println("  missed " + line));
        assertTrue(missed.size() <= MAX_MISSED, () -> missed.size() + " missed:\n" + String.join("\n", missed));
    }

    @Test
    void benignSamplesAreNotFlagged() {
        Path data = LibinjectionData.folder().resolve("data");
        int total = 0;
        List<String> flagged = new ArrayList<>();
        for (String sample : LibinjectionData.corpus(data.resolve("false_positives.txt"))) {
            total++;
            SqlInjectionDetector.Result result = SqlInjectionDetector.detect(sample);
            if (result.injection()) {
                flagged.add(result.fingerprint() + ": " + sample);
            }
        }
        System.out.printf("false-positive corpus: %d samples, %d flagged (upstream allows %d)%n",
                total, flagged.size(), MAX_FALSE_POSITIVES);
        flagged.forEach(line -> System.out.println("  flagged " + line));
        assertTrue(flagged.size() <= MAX_FALSE_POSITIVES,
                () -> flagged.size() + " flagged:\n" + String.join("\n", flagged));
    }
}
