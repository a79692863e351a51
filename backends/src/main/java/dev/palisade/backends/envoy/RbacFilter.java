package dev.palisade.backends.envoy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.Yaml;
import dev.palisade.backends.envoy.FirstMatchList.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code envoy.filters.http.rbac} filter for a workload's {@link FirstMatchList}.
 *
 * <p>RBAC with {@code action: ALLOW} allows a request when any policy matches and denies (403)
 * when none does, which is the list's default. The list's first-match order becomes: allow rule
 * <i>i</i> allows when it matches and no deny rule before it does, so each allow rule is one
 * policy, {@code rule_i AND NOT (deny_1 OR … OR deny_k)} over the deny rules listed before it.
 * That is exact: a request is allowed by the first matching rule iff some allow rule matches with
 * no deny rule ahead of it (allow rules ahead of it would allow too). Deny rules after every allow
 * rule add nothing, and an empty policy map denies every request.
 *
 * <p>This uses {@code rules} rather than the newer {@code matcher} tree: the policies read as the
 * ALP rules they come from (one named per allow rule), and their semantics are small enough to be
 * checked by an independent evaluator over the parsed protobuf in the tests.
 */
final class RbacFilter {
    static final String NAME = "envoy.filters.http.rbac";
    static final String TYPE = "type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC";

    private RbacFilter() {}

    static ObjectNode filter(List<Entry> firstMatchOrder) {
        ObjectNode policies = Yaml.object();
        List<ObjectNode> denies = new ArrayList<>();
        int position = 0;
        for (Entry entry : firstMatchOrder) {
            position++;
            if (!entry.allows()) {
                denies.add(RbacMatchers.rule(entry.rule()));
                continue;
            }
            List<ObjectNode> conditions = new ArrayList<>(RbacMatchers.conditions(entry.rule()));
            if (!denies.isEmpty()) {
                conditions.add(RbacMatchers.not(RbacMatchers.any(List.copyOf(denies))));
            }
            policies.set(policyName(position, entry), policy(RbacMatchers.all(conditions)));
        }
        ObjectNode config = Yaml.object();
        config.put("@type", TYPE);
        ObjectNode rules = config.putObject("rules");
        rules.put("action", "ALLOW");
        rules.set("policies", policies);
        ObjectNode filter = Yaml.object();
        filter.put("name", NAME);
        filter.set("typed_config", config);
        return filter;
    }

    /** {@code 003-www-rule-2}: its place in the first-match order, then where it was written. */
    private static String policyName(int position, Entry entry) {
        return String.format(Locale.ROOT, "%03d-%s-rule-%d", position, entry.policy().name(), entry.rule().index() + 1);
    }

    /** Every condition sits in the principal, so the permission is any request. */
    private static ObjectNode policy(ObjectNode principal) {
        ObjectNode policy = Yaml.object();
        policy.putArray("permissions").addObject().put("any", true);
        policy.putArray("principals").add(principal);
        return policy;
    }
}
