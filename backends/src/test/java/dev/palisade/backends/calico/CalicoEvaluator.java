package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.parse.SelectorParser;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides a request the way Calico's Dikastes would, from emitted objects only (read back from
 * YAML), so the property compares Palisade with what a cluster would enforce, not with the
 * emitter's intentions.
 *
 * <ol>
 *   <li>Tiers by order, then name: the emitted Tier objects and Calico's own {@code default}
 *       (order 1,000,000, default action Deny).
 *   <li>In a tier, the policies that select the workload ({@code selector} parsed from its text;
 *       a NetworkPolicy only in its namespace), by order (absent: last), then name.
 *   <li>Their ingress rules in order; the first that matches decides: Allow, Deny, or Pass to the
 *       next tier.
 *   <li>A tier with a selecting policy and no matching rule: its default action.
 *   <li>After the last tier: the endpoint's profile, which allows (Kubernetes pods).
 * </ol>
 *
 * Shapes Calico would refuse (CEL rules, the Go validator's path rules, list limits) throw.
 */
final class CalicoEvaluator {
    enum Verdict { ALLOW, DENY }

    private record Tier(String name, double order, String defaultAction) {}

    private record Policy(String name, String tier, double order, String namespace, Selector selector, JsonNode rules) {}

    private final List<Tier> tiers = new ArrayList<>();
    private final List<Policy> policies = new ArrayList<>();

    CalicoEvaluator(List<JsonNode> objects) {
        tiers.add(new Tier("default", 1_000_000, "Deny"));
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            JsonNode spec = object.path("spec");
            String name = object.path("metadata").path("name").asText();
            if (kind.equals("Tier")) {
                check(!name.equals("default"), "the default tier is Calico's own");
                tiers.add(new Tier(name, spec.path("order").asDouble(), spec.path("defaultAction").asText("Deny")));
            } else if (kind.endsWith("NetworkPolicy")) {
                boolean namespaced = !kind.endsWith("GlobalNetworkPolicy");
                check(namespaced == object.path("metadata").has("namespace"), "namespace only on NetworkPolicy: " + name);
                String tier = spec.path("tier").asText("default");
                check(tier.equals("default") || name.startsWith(tier + "."), "tiered name " + name);
                double order = spec.has("order") ? spec.path("order").asDouble() : Double.POSITIVE_INFINITY;
                check(spec.path("types").toString().contains("Ingress"), "types: [Ingress] " + name);
                policies.add(new Policy(name, tier, order, namespaced ? object.path("metadata").path("namespace").asText() : null,
                        selector(spec.path("selector").asText("all()")), spec.path("ingress")));
            }
        }
        tiers.sort(Comparator.comparingDouble(Tier::order).thenComparing(Tier::name));
        // Felix sorts by order, then by its key's name: <namespace>/<name> for a NetworkPolicy.
        policies.sort(Comparator.comparingDouble(Policy::order).thenComparing(CalicoEvaluator::felixName));
        for (Policy policy : policies) {
            check(tiers.stream().anyMatch(tier -> tier.name().equals(policy.tier())), "no Tier object for " + policy.tier());
            policy.rules().forEach(CalicoEvaluator::checkRule);
        }
    }

    /**
     * @param path the path Envoy hands Dikastes, as received (one byte per char)
     * @param serviceAccount the caller's, or {@code null} when unknown
     * @param namespace the caller's, or {@code null} when unknown
     */
    Verdict decide(Workload workload, String method, String path, String serviceAccount, String namespace) {
        String normalized = DikastesPaths.normalize(path);
        nextTier:
        for (Tier tier : tiers) {
            boolean applied = false;
            for (Policy policy : policies) {
                if (!policy.tier().equals(tier.name()) || !selects(policy, workload)) {
                    continue;
                }
                applied = true;
                for (JsonNode rule : policy.rules()) {
                    if (matches(rule, policy, method, normalized, serviceAccount, namespace)) {
                        String action = rule.path("action").asText();
                        if (action.equals("Allow")) {
                            return Verdict.ALLOW;
                        }
                        if (action.equals("Deny")) {
                            return Verdict.DENY;
                        }
                        if (action.equals("Pass")) {
                            continue nextTier;
                        }
                    }
                }
            }
            if (applied && tier.defaultAction().equals("Deny")) {
                return Verdict.DENY;
            }
        }
        return Verdict.ALLOW;
    }

    private static String felixName(Policy policy) {
        return policy.namespace() == null ? policy.name() : policy.namespace() + "/" + policy.name();
    }

    private static boolean selects(Policy policy, Workload workload) {
        return (policy.namespace() == null || policy.namespace().equals(workload.namespace()))
                && policy.selector().matches(workload.labels());
    }

    private static boolean matches(JsonNode rule, Policy policy, String method, String normalized,
            String serviceAccount, String namespace) {
        if (rule.has("protocol") && !rule.path("protocol").asText().equals("TCP")) {
            return false;
        }
        JsonNode source = rule.path("source");
        if (source.has("namespaceSelector")) {
            // Namespaces carry their name as the label projectcalico.org/name.
            if (namespace == null || !selector(source.path("namespaceSelector").asText())
                    .matches(Map.of("projectcalico.org/name", namespace))) {
                return false;
            }
        } else if (policy.namespace() != null && source.has("serviceAccounts")
                && !policy.namespace().equals(namespace)) {
            // In a NetworkPolicy, source service accounts are those of the policy's namespace.
            return false;
        }
        if (source.has("serviceAccounts")) {
            List<String> names = texts(source.path("serviceAccounts").path("names"));
            if (serviceAccount == null || !names.contains(serviceAccount)) {
                return false;
            }
        }
        JsonNode http = rule.path("http");
        if (http.has("methods")) {
            List<String> methods = texts(http.path("methods"));
            if (!methods.contains("*") && !methods.contains(method)) {
                return false;
            }
        }
        if (http.has("paths")) {
            boolean any = false;
            for (JsonNode path : http.path("paths")) {
                any |= pathMatches(path, normalized);
            }
            return any;
        }
        return true;
    }

    private static boolean pathMatches(JsonNode path, String normalized) {
        if (normalized == null) {
            return false;
        }
        if (path.has("exact")) {
            return normalized.equals(DikastesPaths.normalize(path.path("exact").asText()));
        }
        String prefix = DikastesPaths.normalize(path.path("prefix").asText());
        return prefix != null && DikastesPaths.prefixMatches(prefix, normalized);
    }

    private static void checkRule(JsonNode rule) {
        String action = rule.path("action").asText();
        check(List.of("Allow", "Deny", "Pass", "Log").contains(action), "action " + action);
        if (rule.has("http")) {
            check(action.equals("Allow"), "HTTP match is only valid on Allow rules");
            check(!rule.has("protocol") || rule.path("protocol").asText().equals("TCP"),
                    "rules with HTTP match must have protocol TCP or unset");
            JsonNode http = rule.path("http");
            check(http.path("methods").size() <= 20 && http.path("paths").size() <= 20, "at most 20 methods and paths");
            List<String> methods = texts(http.path("methods"));
            check(methods.stream().distinct().count() == methods.size(), "Invalid methods (duplicates)");
            for (JsonNode path : http.path("paths")) {
                check(path.has("exact") != path.has("prefix"), "exactly one of exact and prefix");
                String value = path.has("exact") ? path.path("exact").asText() : path.path("prefix").asText();
                check(value.startsWith("/") && !value.contains("?") && !value.contains("#") && !value.contains(" ")
                        && value.length() <= 1024, "Invalid path " + value);
            }
        }
    }

    private static Selector selector(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Selector selector = SelectorParser.parse(text, index -> Span.NONE, diagnostics).orElse(null);
        check(selector != null && !diagnostics.hasErrors(), "selector does not parse: " + text + " " + diagnostics.sorted());
        return selector;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Calico would refuse this: " + what);
        }
    }

    /** For messages: the tiers in evaluation order. */
    @Override
    public String toString() {
        Map<String, Double> orders = new TreeMap<>();
        tiers.forEach(tier -> orders.put(tier.name(), tier.order()));
        return "tiers " + orders;
    }
}
