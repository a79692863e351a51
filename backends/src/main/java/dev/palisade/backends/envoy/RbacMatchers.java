package dev.palisade.backends.envoy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One ALP rule as an RBAC {@code Principal} (config.rbac.v3): the conditions ANDed
 * ({@code and_ids}), the entries of each condition ORed ({@code or_ids}), an absent condition
 * left out. Principals, not permissions, because a principal can test the method
 * ({@code header ":method"}), the path ({@code url_path}) and the caller
 * ({@code authenticated}) together, which {@code not_id} needs (see {@link RbacFilter}).
 */
final class RbacMatchers {
    /**
     * The SPIFFE trust domain of the callers' ids ({@code spiffe://cluster.local/ns/NS/sa/SA}):
     * Kubernetes' default cluster domain, the one Istio and Calico issue ids in. A caller with an
     * id from another trust domain matches no {@code from} condition.
     */
    static final String TRUST_DOMAIN = "cluster.local";

    private RbacMatchers() {}

    static ObjectNode rule(IrRule rule) {
        return all(conditions(rule));
    }

    /** The rule's conditions, to be ANDed; none for a rule that matches every request. */
    static List<ObjectNode> conditions(IrRule rule) {
        List<ObjectNode> conditions = new ArrayList<>();
        rule.methods().ifPresent(methods -> conditions.add(any(methods.stream().map(RbacMatchers::method).toList())));
        if (!rule.paths().isEmpty()) {
            List<ObjectNode> paths = new ArrayList<>();
            rule.paths().forEach(path -> paths.addAll(path(path)));
            conditions.add(any(paths));
        }
        if (rule.hasSourceCondition()) {
            conditions.add(source(rule.serviceAccounts(), rule.namespaces()));
        }
        return conditions;
    }

    /** Methods are case-sensitive (RFC 9110 §9.1), as Envoy's exact string match is. */
    private static ObjectNode method(String method) {
        ObjectNode header = Yaml.object();
        header.put("name", ":method");
        header.putObject("string_match").put("exact", method);
        ObjectNode principal = Yaml.object();
        principal.set("header", header);
        return principal;
    }

    /**
     * Envoy keeps a trailing slash that Palisade drops ({@code /a/} is {@code /a} to Palisade),
     * so an exact path is also matched with one; a prefix matches whole segments: the path itself
     * or below it. {@code prefix "/"} is every path.
     */
    static List<ObjectNode> path(IrPath path) {
        String spelled = EnvoyPathSpelling.spell(path.normalized());
        if (spelled.equals("/")) {
            return List.of(path.kind() == IrPath.Kind.PREFIX ? urlPath("prefix", "/") : urlPath("exact", "/"));
        }
        return List.of(urlPath("exact", spelled),
                path.kind() == IrPath.Kind.PREFIX ? urlPath("prefix", spelled + "/") : urlPath("exact", spelled + "/"));
    }

    private static ObjectNode urlPath(String kind, String value) {
        ObjectNode principal = Yaml.object();
        principal.putObject("url_path").putObject("path").put(kind, value);
        return principal;
    }

    /**
     * The caller's SPIFFE id, as the runtime reads it ({@code SpiffeId}): exactly five
     * slash-separated parts, so neither name may contain a slash.
     */
    private static ObjectNode source(Optional<SortedSet<String>> serviceAccounts, Optional<SortedSet<String>> namespaces) {
        String regex = "spiffe://" + quote(TRUST_DOMAIN) + "/ns/" + alternatives(namespaces) + "/sa/" + alternatives(serviceAccounts);
        ObjectNode principal = Yaml.object();
        principal.putObject("authenticated").putObject("principal_name").putObject("safe_regex").put("regex", regex);
        return principal;
    }

    private static String alternatives(Optional<SortedSet<String>> names) {
        if (names.isEmpty()) {
            return "[^/]+";
        }
        return "(" + String.join("|", names.get().stream().map(RbacMatchers::quote).toList()) + ")";
    }

    /** RE2 and Java both read a backslash before ASCII punctuation as that character. */
    static String quote(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static ObjectNode any(List<ObjectNode> ids) {
        return ids.size() == 1 ? ids.get(0) : set("or_ids", ids);
    }

    static ObjectNode all(List<ObjectNode> ids) {
        if (ids.isEmpty()) {
            ObjectNode principal = Yaml.object();
            principal.put("any", true);
            return principal;
        }
        return ids.size() == 1 ? ids.get(0) : set("and_ids", ids);
    }

    static ObjectNode not(ObjectNode id) {
        ObjectNode principal = Yaml.object();
        principal.set("not_id", id);
        return principal;
    }

    /** An {@code or_ids} inside an {@code or_ids} (or and in and) is spliced in: same meaning, less nesting. */
    private static ObjectNode set(String kind, List<ObjectNode> ids) {
        ObjectNode principal = Yaml.object();
        ArrayNode list = principal.putObject(kind).putArray("ids");
        for (ObjectNode id : ids) {
            if (id.has(kind)) {
                id.get(kind).get("ids").forEach(list::add);
            } else {
                list.add(id);
            }
        }
        return principal;
    }
}
