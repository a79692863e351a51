package dev.palisade.cli.ftw;

import java.util.Objects;

/** How a stage or a test came out, with the reason for anything but a plain pass. */
public record FtwVerdict(Kind kind, String reason) {
    public enum Kind { PASSED, FAILED, SKIPPED }

    public FtwVerdict {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    public static FtwVerdict passed() {
        return new FtwVerdict(Kind.PASSED, "");
    }

    public static FtwVerdict failed(String reason) {
        return new FtwVerdict(Kind.FAILED, reason);
    }

    public static FtwVerdict skipped(String reason) {
        return new FtwVerdict(Kind.SKIPPED, reason);
    }

    public boolean isPassed() {
        return kind == Kind.PASSED;
    }

    public boolean isFailed() {
        return kind == Kind.FAILED;
    }
}
