package dev.palisade.compiler.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated source where a person (or a stack trace) can find it: {@code --dump-generated}
 * directories, and a temporary directory when compiling it failed, which is a Palisade bug.
 */
public final class GeneratedSources {
    private GeneratedSources() {}

    /** {@code directory/<package as folders>/fileName}, written; an unwritable directory is an internal error. */
    public static Path dump(Path directory, String packageName, String fileName, String source) {
        try {
            Path packageDirectory = directory.resolve(packageName.replace('.', '/'));
            Files.createDirectories(packageDirectory);
            Path file = packageDirectory.resolve(fileName);
            Files.writeString(file, source);
            return file;
        } catch (IOException unwritable) {
            throw new InternalCompilerError("cannot write generated source to " + directory + ": " + unwritable.getMessage(),
                    unwritable);
        }
    }

    /** Where the source of a failed compilation was kept for the bug report, or just its name if nowhere. */
    public static Path dumpForBugReport(String packageName, String fileName, String source) {
        try {
            return dump(Files.createTempDirectory("palisade-generated"), packageName, fileName, source);
        } catch (IOException | InternalCompilerError unwritable) {
            return Path.of(fileName);
        }
    }
}
