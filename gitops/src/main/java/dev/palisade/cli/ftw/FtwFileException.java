package dev.palisade.cli.ftw;

import java.util.OptionalInt;

/** A test file that cannot be read as a regression test file; the message says where and why. */
public final class FtwFileException extends Exception {
    private final transient OptionalInt line;

    public FtwFileException(String message, OptionalInt line) {
        super(message);
        this.line = line;
    }

    public FtwFileException(String message) {
        this(message, OptionalInt.empty());
    }

    /** The 1-based line, when the YAML parser knew it. */
    public OptionalInt line() {
        return line;
    }
}
