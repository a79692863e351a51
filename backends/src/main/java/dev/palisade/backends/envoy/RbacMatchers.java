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

    /**
     * A path whose first matrix parameters are followed by another segment. Normalized rule paths
     * hold no {@code ;} (Palisade cuts parameters from them too), so after a rule path's
     * {@code prefix "/a;"} the first {@code ;} is the rule's.
     */
    static final String MORE_AFTER_PARAMETERS = "[^;]*;[^/]*/.+";

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
     * The spellings of one path condition in Envoy's normalized path. A prefix matches whole
     * segments: the path itself or below it; {@code prefix "/"} is every path. Envoy keeps two
     * things Palisade drops, so they are matched explicitly: a trailing slash ({@code /a/} is
     * {@code /a} to Palisade), and matrix parameters on the path's last segment
     * ({@code /a;jsessionid=1}, common with Java servlets). For an exact path the parameters must
     * end the path (but for a trailing slash): {@link #MORE_AFTER_PARAMETERS} holds no name, so its
     * regex program stays small. Parameters on earlier segments stay unmatched (see
     * {@link EnvoyBackend}).
     */
    static List<ObjectNode> path(IrPath path) {
        String spelled = EnvoyPathSpelling.spell(path.normalized());
        if (spelled.equals("/")) {
            return List.of(path.kind() == IrPath.Kind.PREFIX ? urlPath("prefix", "/") : urlPath("exact", "/"));
        }
        if (path.kind() == IrPath.Kind.PREFIX) {
            return List.of(urlPath("exact", spelled), urlPath("prefix", spelled + "/"), urlPath("prefix", spelled + ";"));
        }
        return List.of(urlPath("exact", spelled), urlPath("exact", spelled + "/"),
                all(List.of(urlPath("prefix", spelled + ";"), not(urlPath("safe_regex", MORE_AFTER_PARAMETERS)))));
    }

    private static ObjectNode urlPath(String kind, String value) {
        ObjectNode principal = Yaml.object();
        ObjectNode matcher = principal.putObject("url_path").putObject("path");
        if (kind.equals("safe_regex")) {
            matcher.putObject("safe_regex").put("regex", value);
        } else {
            matcher.put(kind, value);
        }
        return principal;
    }

    /**
     * The caller's SPIFFE id, as the runtime reads it ({@code SpiffeId}): exactly
     * {@code spiffe://TRUST-DOMAIN/ns/NAMESPACE/sa/SERVICE-ACCOUNT}, no slash in either name. Both
     * names known: exact ids. One of them: a prefix or suffix, plus one regex for the id's shape
     * that holds no name, so its RE2 program stays the same small size whatever the names
     * (Envoy refuses regexes over a program size of 100 by default).
     */
    private static ObjectNode source(Optional<SortedSet<String>> serviceAccounts, Optional<SortedSet<String>> namespaces) {
        String root = "spiffe://" + TRUST_DOMAIN + "/ns/";
        List<String> accounts = possibleNames(serviceAccounts);
        List<String> spaces = possibleNames(namespaces);
        List<ObjectNode> ids = new ArrayList<>();
        if (serviceAccounts.isPresent() && namespaces.isPresent()) {
            for (String namespace : spaces) {
                for (String serviceAccount : accounts) {
                    ids.add(principalName("exact", root + namespace + "/sa/" + serviceAccount));
                }
            }
            return any(ids);
        }
        if (namespaces.isPresent()) {
            spaces.forEach(namespace -> ids.add(principalName("prefix", root + namespace + "/sa/")));
        } else {
            accounts.forEach(serviceAccount -> ids.add(principalName("suffix", "/sa/" + serviceAccount)));
        }
        return ids.isEmpty() ? nobody()
                : all(List.of(principalName("safe_regex", "spiffe://" + quote(TRUST_DOMAIN) + "/ns/[^/]+/sa/[^/]+"), any(ids)));
    }

    /** A name with a slash (or none at all) is in no SPIFFE id the runtime reads: it names no caller. */
    private static List<String> possibleNames(Optional<SortedSet<String>> names) {
        return names.map(set -> set.stream().filter(name -> !name.isEmpty() && name.indexOf('/') < 0).toList())
                .orElse(List.of());
    }

    private static ObjectNode nobody() {
        ObjectNode anyone = Yaml.object();
        anyone.put("any", true);
        return not(anyone);
    }

    private static ObjectNode principalName(String kind, String value) {
        ObjectNode principal = Yaml.object();
        ObjectNode matcher = principal.putObject("authenticated").putObject("principal_name");
        if (kind.equals("safe_regex")) {
            matcher.putObject("safe_regex").put("regex", value);
        } else {
            matcher.put(kind, value);
        }
        return principal;
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

    /** None of no ids matches: Envoy refuses an empty {@code or_ids}, so that is {@code not any}. */
    static ObjectNode any(List<ObjectNode> ids) {
        if (ids.isEmpty()) {
            return nobody();
        }
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
