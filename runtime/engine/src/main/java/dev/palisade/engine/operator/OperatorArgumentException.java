package dev.palisade.engine.operator;

import java.util.OptionalInt;

/**
 * An operator argument rejected at load time: invalid regex, unreadable data file, bad address.
 * The message follows Palisade's diagnostic grammar (lowercase, no final period, user text in
 * backticks); {@link #index()} is the character offset in the argument where the problem is,
 * when known, so the checker can point at the column.
 */
public final class OperatorArgumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;

    public OperatorArgumentException(String message) {
        this(message, -1);
    }

    public OperatorArgumentException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** The offset in the argument text where the problem is, if known. */
    public OptionalInt index() {
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
