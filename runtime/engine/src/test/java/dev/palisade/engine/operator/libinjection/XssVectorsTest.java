package dev.palisade.engine.operator.libinjection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream's {@code test-html5-*} vectors (HTML5 tokenizer output from the page-text state, one
 * {@code TYPE,length,text} line per token), and the detection rate over {@code data/xss-*.txt}.
 */
class XssVectorsTest {

    @TestFactory
    Stream<DynamicTest> html5() {
        return SqlVectorsTest.vectors("test-html5-", XssVectorsTest::tokenize);
    }

    static String tokenize(String input) {
        Html5Tokenizer tokenizer = new Html5Tokenizer(input, Html5Tokenizer.Start.DATA);
        StringBuilder out = new StringBuilder();
        while (tokenizer.next()) {
            String text = tokenizer.tokenText();
            int nul = text.indexOf('\0'); // upstream's driver prints with %s
            out.append(tokenizer.tokenType).append(',').append(tokenizer.tokenLength).append(',')
                    .append(nul < 0 ? text : text.substring(0, nul)).append('\n');
        }
        return LibinjectionData.rtrim(out.toString());
    }

    /** Upstream sets no threshold for XSS: this prints the rate and fails only on a crash. */
    @Test
    void detectionRateOverXssCorpus() {
        Path data = LibinjectionData.folder().resolve("data");
        int total = 0;
        List<String> missed = new ArrayList<>();
        for (Path file : LibinjectionData.files(data, "xss-")) {
            for (String sample : LibinjectionData.corpus(file)) {
                total++;
                if (!XssDetector.detect(sample)) {
                    missed.add(file.getFileName() + ": " + sample);
                }
            }
        }
        System.out.printf("XSS corpus: %d samples, %d detected (%.1f%%), %d missed%n", total,
                total - missed.size(), 100.0 * (total - missed.size()) / Math.max(1, total), missed.size());
        missed.forEach(line -> System.out.println("  missed " + line));
    }

    /** Benign text must stay benign: the SQL false-positive corpus is ordinary form input. */
    @Test
    void falsePositivesOverBenignCorpus() {
        Path data = LibinjectionData.folder().resolve("data");
        List<String> samples = LibinjectionData.corpus(data.resolve("false_positives.txt"));
        List<String> flagged = samples.stream().filter(XssDetector::detect).toList();
        System.out.printf("XSS on false_positives.txt: %d of %d flagged%n", flagged.size(), samples.size());
        flagged.forEach(line -> System.out.println("  flagged " + line));
    }
}
