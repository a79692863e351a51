package dev.palisade.cli.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A path as it was at a Git revision, checked out into a temporary directory with
 * {@code git archive} (read-only: the working tree and index are not touched).
 */
public final class GitRevision {
    private static final long TIMEOUT_SECONDS = 60;

    private GitRevision() {}

    /**
     * @param path a file or directory inside a Git working tree
     * @return the directory holding {@code path} as it was at {@code revision}, under the same relative path
     * @throws IOException when Git is missing, the path is not in a repository, or the revision does not exist
     */
    public static Path export(String revision, Path path, Path into) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path directory = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        String top = git(directory, "rev-parse", "--show-toplevel").trim();
        String relative = Path.of(top).relativize(absolute).toString();
        Path archive = into.resolve("base.tar");
        run(Path.of(top), List.of("git", "archive", "--format=tar", "-o", archive.toString(), revision, "--",
                relative.isEmpty() ? "." : relative));
        run(into, List.of("tar", "-xf", archive.toString()));
        Files.delete(archive);
        return into.resolve(relative);
    }

    private static String git(Path directory, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(directory, command);
    }

    private static String run(Path directory, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        // Read before waiting: a child blocked on a full pipe would never exit.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " failed: " + output.trim());
        }
        return output;
    }
}
