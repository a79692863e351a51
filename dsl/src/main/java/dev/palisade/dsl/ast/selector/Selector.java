package dev.palisade.dsl.ast.selector;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A Calico selector expression, such as {@code app == "www" && tier in {"edge", "web"}}.
 *
 * <p>Equality is structural and there are no spans: a selector says what it selects, the policy
 * that contains it says where it was written. The tree keeps the shape it was parsed with
 * ({@code a && b && c} is {@code And(And(a, b), c)}), so {@link #text()} parses back to an equal
 * selector.
 */
public sealed interface Selector {

    /** Whether a workload with these labels is selected, with Calico's semantics for absent labels. */
    boolean matches(Map<String, String> labels);

    /** Canonical Calico syntax: double-quoted values, sorted sets, only the parentheses needed. */
    default String text() {
        return SelectorText.render(this);
    }

    /** {@code all()}: every workload. */
    record All() implements Selector {
        @Override
        public boolean matches(Map<String, String> labels) {
            return true;
        }
    }

    /** {@code has(key)}: the label is present, whatever its value. */
    record Has(String key) implements Selector {
        public Has {
            checkKey(key);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key);
        }
    }

    /** {@code key == "value"}: present and equal. */
    record Equals(String key, String value) implements Selector {
        public Equals {
            checkKey(key);
            checkValue(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(key));
        }
    }

    /** {@code key != "value"}: absent, or present with another value (Calico, not SQL, semantics). */
    record NotEquals(String key, String value) implements Selector {
        public NotEquals {
            checkKey(key);
            checkValue(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(key));
        }
    }

    /** {@code key in {"a", "b"}}: present with one of the values. The set is sorted and immutable. */
    record In(String key, SortedSet<String> values) implements Selector {
        public In {
            checkKey(key);
            values = valueSet(values);
        }

        public In(String key, Collection<String> values) {
            this(key, new TreeSet<>(values));
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return actual != null && values.contains(actual);
        }
    }

    /** {@code key not in {"a", "b"}}: absent, or present with none of the values. */
    record NotIn(String key, SortedSet<String> values) implements Selector {
        public NotIn {
            checkKey(key);
            values = valueSet(values);
        }

        public NotIn(String key, Collection<String> values) {
            this(key, new TreeSet<>(values));
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return actual == null || !values.contains(actual);
        }
    }

    /** {@code key contains "s"}: present and containing the text. */
    record Contains(String key, String value) implements Selector {
        public Contains {
            checkKey(key);
            checkValue(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return actual != null && actual.contains(value);
        }
    }

    /** {@code key starts with "s"}: present and starting with the text. */
    record StartsWith(String key, String value) implements Selector {
        public StartsWith {
            checkKey(key);
            checkValue(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return actual != null && actual.startsWith(value);
        }
    }

    /** {@code key ends with "s"}: present and ending with the text. */
    record EndsWith(String key, String value) implements Selector {
        public EndsWith {
            checkKey(key);
            checkValue(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return actual != null && actual.endsWith(value);
        }
    }

    /** {@code !operand}. */
    record Not(Selector operand) implements Selector {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return !operand.matches(labels);
        }
    }

    /** {@code left && right}. */
    record And(Selector left, Selector right) implements Selector {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return left.matches(labels) && right.matches(labels);
        }
    }

    /** {@code left || right}. */
    record Or(Selector left, Selector right) implements Selector {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return left.matches(labels) || right.matches(labels);
        }
    }

    /**
     * Keys must at least be writable in selector syntax, or {@link #text()} could not round-trip.
     * Whether a key is a valid Kubernetes label key is a diagnostic, reported by the parser.
     */
    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!SelectorText.WRITABLE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("label key cannot be written in a selector: " + key);
        }
    }

    /** Calico strings have no escapes: a value can hold one kind of quote, never both. */
    private static void checkValue(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("value holds both kinds of quote: " + value);
        }
    }

    private static SortedSet<String> valueSet(SortedSet<String> values) {
        Objects.requireNonNull(values, "values");
        TreeSet<String> copy = new TreeSet<>();
        for (String value : values) {
            checkValue(value);
            copy.add(value);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
