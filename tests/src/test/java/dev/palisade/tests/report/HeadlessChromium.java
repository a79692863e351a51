package dev.palisade.tests.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, one process per page: {@code --dump-dom} prints the DOM after the
 * page's scripts ran, {@code --enable-logging=stderr} prints every console message (script errors,
 * Content-Security-Policy violations) as a {@code CONSOLE} line, and {@code --screenshot} keeps the
 * picture. Each run has its own temporary profile, a time limit, and is killed with its children.
 */
final class HeadlessChromium {
    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final long LIMIT_SECONDS = 60;

    /** What one run printed. */
    record Run(String dom, String log) {
        /** The console messages Chromium logged for the page. */
        List<String> consoleMessages() {
            return log.lines().filter(line -> line.contains(":CONSOLE")).toList();
        }
    }

    private HeadlessChromium() {}

    /** Skips the calling test when Chromium is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(EXECUTABLE),
                "skipped: Chromium is not installed (apt-get install chromium gives /usr/bin/chromium)");
    }

    /** The DOM of the file {@code page} opened at {@code fragment} ({@code #service=www}), after its scripts ran. */
    static Run dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        return dumpDom(url(page, fragment));
    }

    /** The DOM of the page at {@code url} (a live page served on 127.0.0.1), after its scripts ran. */
    static Run dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=5000", "--dump-dom", url));
    }

    /** Saves a PNG of {@code page} as a tall window shows it. */
    static Run screenshot(Path page, Path png) throws IOException, InterruptedException {
        return screenshot(url(page, ""), png);
    }

    /** Saves a PNG of the page at {@code url} as a tall window shows it. */
    static Run screenshot(String url, Path png) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=5000", "--window-size=1280,2600",
                "--screenshot=" + png.toAbsolutePath(), url));
    }

    private static String url(Path page, String fragment) {
        return page.toAbsolutePath().toUri() + fragment;
    }

    private static Run run(List<String> arguments) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("palisade-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless=new",
                    // As root (CI containers) Chromium refuses to start sandboxed.
                    "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                    "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                    "--user-data-dir=" + scratch.resolve("profile"), "--enable-logging=stderr", "--v=0"));
            command.addAll(arguments);
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            try {
                if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("Chromium did not finish within " + LIMIT_SECONDS + "s: " + command
                            + "\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
