package dev.palisade.dsl.ast.selector;

import dev.palisade.dsl.ast.selector.Selector.And;
import dev.palisade.dsl.ast.selector.Selector.Contains;
import dev.palisade.dsl.ast.selector.Selector.EndsWith;
import dev.palisade.dsl.ast.selector.Selector.Equals;
import dev.palisade.dsl.ast.selector.Selector.Has;
import dev.palisade.dsl.ast.selector.Selector.In;
import dev.palisade.dsl.ast.selector.Selector.Not;
import dev.palisade.dsl.ast.selector.Selector.NotEquals;
import dev.palisade.dsl.ast.selector.Selector.NotIn;
import dev.palisade.dsl.ast.selector.Selector.Or;
import dev.palisade.dsl.ast.selector.Selector.StartsWith;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Invents the labels of a workload a selector selects, for {@code palisade test}.
 *
 * <p>A selector only compares a label with the values it mentions, so for each label it is
 * enough to try: absent, each mentioned value, a value mentioned nowhere, and values built to
 * satisfy its {@code contains} / {@code starts with} / {@code ends with} tests. The search walks
 * label sets by size, smallest first, so the witness has no labels it does not need, and it
 * gives up after {@link #MAX_EVALUATIONS} tries. Same selector, same witness.
 */
public final class SelectorWitness {
    public static final int MAX_EVALUATIONS = 100_000;
    static final String FRESH = "palisade-other";

    private SelectorWitness() {
    }

    /** Labels the selector matches, sorted by key, or empty if none was found. */
    public static Optional<Map<String, String>> find(Selector selector) {
        SortedMap<String, Mentions> mentions = new TreeMap<>();
        collect(selector, mentions);
        List<String> keys = new ArrayList<>(mentions.keySet());
        List<List<String>> candidates = new ArrayList<>();
        for (String key : keys) {
            candidates.add(mentions.get(key).candidates());
        }
        Search search = new Search(selector, keys, candidates);
        for (int size = 0; size <= keys.size(); size++) {
            Optional<Map<String, String>> found = search.subsets(size, 0, new ArrayList<>());
            if (found.isPresent() || search.exhausted()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What a selector says about one label. */
    private static final class Mentions {
        final Set<String> values = new LinkedHashSet<>();
        final Set<String> prefixes = new LinkedHashSet<>(List.of(""));
        final Set<String> infixes = new LinkedHashSet<>(List.of(""));
        final Set<String> suffixes = new LinkedHashSet<>(List.of(""));

        List<String> candidates() {
            Set<String> all = new LinkedHashSet<>(new TreeSet<>(values));
            String fresh = FRESH;
            while (values.contains(fresh)) {
                fresh = fresh + "-x";
            }
            all.add(fresh);
            for (String prefix : prefixes) {
                for (String infix : infixes) {
                    for (String suffix : suffixes) {
                        all.add(prefix + infix + suffix);
                        // The bare combination may be excluded by `!=` or `not in`; this one is not.
                        all.add(prefix + infix + fresh + suffix);
                    }
                }
            }
            return List.copyOf(all);
        }
    }

    private static void collect(Selector selector, Map<String, Mentions> mentions) {
        if (selector instanceof Has has) {
            mentions.computeIfAbsent(has.key(), key -> new Mentions());
        } else if (selector instanceof Equals equals) {
            mentions.computeIfAbsent(equals.key(), key -> new Mentions()).values.add(equals.value());
        } else if (selector instanceof NotEquals notEquals) {
            mentions.computeIfAbsent(notEquals.key(), key -> new Mentions()).values.add(notEquals.value());
        } else if (selector instanceof In in) {
            mentions.computeIfAbsent(in.key(), key -> new Mentions()).values.addAll(in.values());
        } else if (selector instanceof NotIn notIn) {
            mentions.computeIfAbsent(notIn.key(), key -> new Mentions()).values.addAll(notIn.values());
        } else if (selector instanceof Contains contains) {
            mentions.computeIfAbsent(contains.key(), key -> new Mentions()).infixes.add(contains.value());
        } else if (selector instanceof StartsWith startsWith) {
            mentions.computeIfAbsent(startsWith.key(), key -> new Mentions()).prefixes.add(startsWith.value());
        } else if (selector instanceof EndsWith endsWith) {
            mentions.computeIfAbsent(endsWith.key(), key -> new Mentions()).suffixes.add(endsWith.value());
        } else if (selector instanceof Not not) {
            collect(not.operand(), mentions);
        } else if (selector instanceof And and) {
            collect(and.left(), mentions);
            collect(and.right(), mentions);
        } else if (selector instanceof Or or) {
            collect(or.left(), mentions);
            collect(or.right(), mentions);
        }
    }

    /** Enumerates label sets: key subsets in index order, then values in candidate order. */
    private static final class Search {
        private final Selector selector;
        private final List<String> keys;
        private final List<List<String>> candidates;
        private int evaluations;

        Search(Selector selector, List<String> keys, List<List<String>> candidates) {
            this.selector = selector;
            this.keys = keys;
            this.candidates = candidates;
        }

        boolean exhausted() {
            return evaluations >= MAX_EVALUATIONS;
        }

        Optional<Map<String, String>> subsets(int size, int from, List<Integer> chosen) {
            if (chosen.size() == size) {
                return values(chosen, new TreeMap<>());
            }
            for (int i = from; i <= keys.size() - (size - chosen.size()) && !exhausted(); i++) {
                chosen.add(i);
                Optional<Map<String, String>> found = subsets(size, i + 1, chosen);
                chosen.remove(chosen.size() - 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        private Optional<Map<String, String>> values(List<Integer> chosen, SortedMap<String, String> labels) {
            if (labels.size() == chosen.size()) {
                evaluations++;
                return selector.matches(labels)
                        ? Optional.of(Collections.unmodifiableSortedMap(new TreeMap<>(labels)))
                        : Optional.empty();
            }
            int index = chosen.get(labels.size());
            String key = keys.get(index);
            for (String value : candidates.get(index)) {
                if (exhausted()) {
                    break;
                }
                labels.put(key, value);
                Optional<Map<String, String>> found = values(chosen, labels);
                labels.remove(key);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
    }
}
