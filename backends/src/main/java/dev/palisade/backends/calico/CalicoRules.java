package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.dsl.ast.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Calico {@code ingress} rules from matches: the JSON shape, and the split at Calico's list limits. */
final class CalicoRules {
    /** Calico's {@code maxItems} for {@code http.methods} and {@code http.paths}. */
    static final int MAX_ITEMS = 20;

    /**
     * The label Calico gives every namespace's profile, holding the namespace's name: how a rule
     * names source namespaces.
     */
    static final String NAMESPACE_NAME_LABEL = "projectcalico.org/name";

    private CalicoRules() {}

    /** One or more {@code Allow} rules; several when a list is longer than Calico allows (ORed, so splitting is exact). */
    static List<ObjectNode> allow(HttpMatch match) {
        List<ObjectNode> rules = new ArrayList<>();
        for (Optional<List<String>> methods : chunks(match.methods().map(List::copyOf))) {
            for (Optional<List<IrPath>> paths : chunks(match.paths())) {
                ObjectNode rule = Yaml.object();
                rule.put("action", "Allow");
                // CEL on every rule: an http match needs protocol TCP (or none).
                rule.put("protocol", "TCP");
                source(match).ifPresent(source -> rule.set("source", source));
                if (methods.isPresent() || paths.isPresent()) {
                    ObjectNode http = rule.putObject("http");
                    methods.ifPresent(list -> list.forEach(http.putArray("methods")::add));
                    paths.ifPresent(list -> {
                        ArrayNode array = http.putArray("paths");
                        for (IrPath path : list) {
                            array.addObject().put(path.kind() == IrPath.Kind.EXACT ? "exact" : "prefix",
                                    CalicoPaths.encode(path.normalized()));
                        }
                    });
                }
                rules.add(rule);
            }
        }
        return rules;
    }

    /** A {@code Deny} rule for a deny without HTTP conditions. */
    static ObjectNode deny(HttpMatch match) {
        ObjectNode rule = Yaml.object();
        rule.put("action", "Deny");
        source(match).ifPresent(source -> rule.set("source", source));
        return rule;
    }

    private static Optional<ObjectNode> source(HttpMatch match) {
        if (match.serviceAccounts().isEmpty() && match.namespaces().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode source = Yaml.object();
        match.namespaces().ifPresent(names -> source.put("namespaceSelector", namespaceSelector(names)));
        match.serviceAccounts().ifPresent(names -> {
            ArrayNode array = source.putObject("serviceAccounts").putArray("names");
            names.forEach(array::add);
        });
        return Optional.of(source);
    }

    static String namespaceSelector(SortedSet<String> names) {
        return new Selector.In(NAMESPACE_NAME_LABEL, names).text();
    }

    private static <T> List<Optional<List<T>>> chunks(Optional<List<T>> list) {
        if (list.isEmpty()) {
            return List.of(Optional.empty());
        }
        List<Optional<List<T>>> chunks = new ArrayList<>();
        for (int from = 0; from < list.get().size(); from += MAX_ITEMS) {
            chunks.add(Optional.of(list.get().subList(from, Math.min(list.get().size(), from + MAX_ITEMS))));
        }
        return chunks;
    }
}
