package dev.palisade.compiler.generators;

import java.util.List;
import java.util.Optional;

/**
 * A small model of a policy bundle that renders to Palisade source: the differential properties
 * compile the text, so parsing and lowering are exercised too.
 */
public record BundleSpec(List<TierSpec> tiers, List<PolicySpec> policies) {

    public record TierSpec(String name, int order, boolean pass) {}

    public record PolicySpec(String name, Optional<String> tier, Optional<Integer> order, Optional<String> namespace,
            String selector, Optional<List<RuleSpec>> alp) {}

    public record RuleSpec(boolean deny, List<String> methods, List<PathSpec> paths, List<String> serviceAccounts,
            List<String> namespaces) {}

    public record PathSpec(boolean prefix, String path) {}

    public String source() {
        StringBuilder out = new StringBuilder();
        for (TierSpec tier : tiers) {
            out.append("tier ").append(tier.name()).append(" order ").append(tier.order())
                    .append(tier.pass() ? " default pass" : " default deny").append('\n');
        }
        for (PolicySpec policy : policies) {
            out.append("policy ").append(policy.name()).append(" {\n");
            policy.namespace().ifPresent(namespace -> out.append("    namespace \"").append(namespace).append("\"\n"));
            out.append("    selector '").append(policy.selector()).append("'\n");
            policy.tier().ifPresent(tier -> out.append("    tier ").append(tier).append('\n'));
            policy.order().ifPresent(order -> out.append("    order ").append(order).append('\n'));
            policy.alp().ifPresent(rules -> {
                out.append("    alp {\n");
                for (RuleSpec rule : rules) {
                    out.append("        ").append(rule.deny() ? "deny" : "allow");
                    if (!rule.methods().isEmpty()) {
                        out.append(' ').append(String.join(", ", rule.methods()));
                    }
                    if (!rule.paths().isEmpty()) {
                        out.append(" path ");
                        for (int i = 0; i < rule.paths().size(); i++) {
                            PathSpec path = rule.paths().get(i);
                            out.append(i == 0 ? "" : ", ").append(path.prefix() ? "prefix \"" : "exact \"")
                                    .append(path.path()).append('"');
                        }
                    }
                    if (!rule.serviceAccounts().isEmpty()) {
                        out.append(" from serviceaccount \"").append(String.join("\", \"", rule.serviceAccounts())).append('"');
                    }
                    if (!rule.namespaces().isEmpty()) {
                        out.append(" from namespace \"").append(String.join("\", \"", rule.namespaces())).append('"');
                    }
                    out.append('\n');
                }
                out.append("    }\n");
            });
            out.append("}\n");
        }
        return out.toString();
    }
}
