package dev.palisade.cli.ftw;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The committed pass count a run must not fall below: a properties file with {@code passed=N}.
 * Conformance only ratchets up: the run fails below it and asks to raise it above it.
 */
public final class FtwBaseline {
    public static final String KEY = "passed";

    private FtwBaseline() {}

    public static int read(Path file) throws FtwFileException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new FtwFileException("cannot read the baseline: " + e.getMessage());
        }
        String value = properties.getProperty(KEY, "").strip();
        if (!value.matches("\\d{1,9}")) {
            throw new FtwFileException("the baseline needs a line `" + KEY + "=N` (N the number of passing tests)");
        }
        return Integer.parseInt(value);
    }
}
