package dev.palisade.compiler.load;

/** A bug in Palisade, not in the policy: reported as such, with where to look. */
public final class InternalCompilerError extends RuntimeException {
    public InternalCompilerError(String message, Throwable cause) {
        super(message, cause);
    }
}
