package dev.palisade.cli.ftw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results as JUnit XML (the Ant/Surefire schema CI servers read): a {@code testsuite} per test
 * file, a {@code testcase} per test, with {@code failure} or {@code skipped} and the reason.
 */
final class FtwJunitXml {
    private FtwJunitXml() {}

    static void write(List<FtwResult> results, Path file) throws IOException {
        Map<Path, List<FtwResult>> byFile = new LinkedHashMap<>();
        for (FtwResult result : results) {
            byFile.computeIfAbsent(result.suite().file(), key -> new ArrayList<>()).add(result);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ftw\">\n");
        for (List<FtwResult> suite : byFile.values()) {
            long failures = suite.stream().filter(result -> result.verdict().isFailed()).count();
            long skipped = suite.stream().filter(result -> result.verdict().kind() == FtwVerdict.Kind.SKIPPED).count();
            xml.append("  <testsuite name=\"").append(escape(suite.get(0).suite().name())).append("\" tests=\"")
                    .append(suite.size()).append("\" failures=\"").append(failures).append("\" skipped=\"")
                    .append(skipped).append("\">\n");
            for (FtwResult result : suite) {
                xml.append("    <testcase classname=\"").append(escape(result.suite().name())).append("\" name=\"")
                        .append(escape(result.test().id())).append('"');
                String reason = escape(result.verdict().reason());
                switch (result.verdict().kind()) {
                    case PASSED -> xml.append("/>\n");
                    case FAILED -> xml.append(">\n      <failure message=\"").append(reason).append("\"/>\n    </testcase>\n");
                    case SKIPPED -> xml.append(">\n      <skipped message=\"").append(reason).append("\"/>\n    </testcase>\n");
                    default -> throw new IllegalStateException(result.verdict().kind().toString());
                }
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    /** XML 1.0 cannot hold most control characters at all: they become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\ufffd' : c);
            }
        }
        return out.toString();
    }
}
