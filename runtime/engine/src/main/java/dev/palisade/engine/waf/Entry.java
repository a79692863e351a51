package dev.palisade.engine.waf;

import java.util.Objects;

/**
 * A member of a collection: a key (as sent, case kept) and its value, both byte strings. Compared
 * by key and value.
 */
public final class Entry {
    private final String key;
    private final String value;
    /** This member as a rule target ({@code TX:score}), made once: CRS reads a few TX members in dozens of rules. */
    private Target target;

    public Entry(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** This member as a target of {@code collection}, the one collection it belongs to. */
    Target target(String collection) {
        Target made = target;
        if (made == null) {
            made = new Target(collection + ":" + key, value);
            target = made;
        }
        return made;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entry that && key.equals(that.key) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return "Entry[key=" + key + ", value=" + value + "]";
    }
}
