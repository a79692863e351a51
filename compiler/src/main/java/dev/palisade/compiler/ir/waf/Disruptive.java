package dev.palisade.compiler.ir.waf;

/** A rule's disruptive action, after {@code block} was resolved against {@code SecDefaultAction}. */
public enum Disruptive {
    PASS, DENY, DROP, ALLOW, REDIRECT;

    /** Whether it interrupts the transaction (in blocking mode). */
    public boolean interrupts() {
        return this == DENY || this == DROP || this == REDIRECT;
    }
}
