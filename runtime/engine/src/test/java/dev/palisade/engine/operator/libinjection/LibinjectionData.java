package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Where the libinjection vectors and corpora live (outside the repository, in
 * {@code ../shared/libinjection} next to it) and how to read them. Tests that need them are
 * skipped, not failed, when the folder is absent.
 */
final class LibinjectionData {

    private LibinjectionData() {}

    /** The data folder, or null when it is absent (see {@link #skipped}). */
    static Path find() {
        Path folder = location();
        return Files.isDirectory(folder.resolve("tests")) ? folder : null;
    }

    /** The data folder; skips the calling test when it is missing. */
    static Path folder() {
        Path folder = find();
        assumeTrue(folder != null, LibinjectionData::missingMessage);
        return folder;
    }

    /**
     * A single skipped test standing for a whole factory when the data is missing: a skipped
     * factory alone would not show in the test counts.
     */
    static DynamicTest skipped() {
        return DynamicTest.dynamicTest("libinjection data missing", () -> assumeTrue(false, missingMessage()));
    }

    private static Path location() {
        return Path.of(System.getProperty("palisade.root", "../..")).resolve("../shared/libinjection").normalize();
    }

    private static String missingMessage() {
        return "libinjection test data not found at " + location() + " (the folder ../shared/libinjection"
                + " beside the repository root: tests/ and data/ of github.com/libinjection/libinjection"
                + " at commit 85e252a28981d479822092bad235bb75beb7edfa)";
    }

    /** Files in {@code dir} whose names start with {@code prefix}, sorted by name. */
    static List<Path> files(Path dir, String prefix) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file read as bytes, one char per byte, the way the detectors take input. */
    static String readBytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One {@code --TEST--/--INPUT--/--EXPECTED--} file, both parts right-trimmed as upstream's driver does. */
    record Vector(String name, String input, String expected) {
        static Vector read(Path file) {
            StringBuilder test = new StringBuilder();
            StringBuilder input = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            StringBuilder into = test;
            int section = 0;
            for (String line : lines(readBytes(file))) {
                if (section == 0 && line.equals("--TEST--\n")) {
                    section = 1;
                } else if (section == 1 && line.equals("--INPUT--\n")) {
                    section = 2;
                    into = input;
                } else if (section == 2 && line.equals("--EXPECTED--\n")) {
                    section = 3;
                    into = expected;
                } else {
                    into.append(line);
                }
            }
            if (section != 3) {
                throw new IllegalArgumentException(file + ": not a --TEST--/--INPUT--/--EXPECTED-- file");
            }
            return new Vector(file.getFileName().toString(), rtrim(input.toString()), rtrim(expected.toString()));
        }

        private static List<String> lines(String text) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end + 1;
                lines.add(text.substring(start, end));
                start = end;
            }
            return lines;
        }
    }

    /** Drops trailing space, tab, CR and LF (upstream's modp_rtrim). */
    static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && " \n\t\r".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Lines of a corpus file: URL-decoded, skipping blanks and '#' comments (upstream's reader). */
    static List<String> corpus(Path file) {
        List<String> samples = new ArrayList<>();
        for (String line : readBytes(file).split("\n")) {
            String trimmed = rtrim(line);
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            samples.add(urlDecode(trimmed));
        }
        return samples;
    }

    /** %XX and '+' decoding, byte for byte; malformed escapes are kept as they are. */
    static String urlDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.append(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
