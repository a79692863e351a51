package dev.palisade.engine;

import java.util.Arrays;

/**
 * Which policies of a bundle select one workload. Computed once per workload (a listener protects
 * one), then passed to every decision.
 */
public final class Selection {
    private final boolean[] applies;

    public Selection(boolean[] applies) {
        this.applies = applies.clone();
    }

    /** Whether the policy with this index (the bundle's policy order) selects the workload. */
    public boolean applies(int policy) {
        return applies[policy];
    }

    public int size() {
        return applies.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selection that && Arrays.equals(applies, that.applies);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(applies);
    }

    @Override
    public String toString() {
        return Arrays.toString(applies);
    }
}
