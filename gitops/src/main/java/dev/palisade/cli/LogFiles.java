package dev.palisade.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The decision logs a command names ({@code -} is standard input), read one after the other as UTF-8. */
final class LogFiles {
    /** What takes a log's lines: {@code name} is how messages about it name it. */
    interface Reader {
        void read(String name, BufferedReader lines) throws IOException;
    }

    private LogFiles() {}

    /** Reads every log; false, with the log and why printed, as soon as one cannot be read. */
    static boolean readAll(List<String> logs, Reader reader, PrintWriter err) {
        for (String log : logs) {
            try (BufferedReader lines = open(log)) {
                reader.read(log, lines);
            } catch (NoSuchFileException missing) {
                err.println("palisade: " + log + ": no such file");
                return false;
            } catch (IOException unreadable) {
                err.println("palisade: " + log + ": cannot read: " + unreadable.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Bytes that are not UTF-8 become U+FFFD rather than an error: one bad line must not stop the read. */
    private static BufferedReader open(String log) throws IOException {
        InputStream in = log.equals("-") ? System.in : Files.newInputStream(Path.of(log));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
