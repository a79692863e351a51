package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC.Action;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.type.matcher.v3.PathMatcher;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The RBAC semantics the differential property trusts, case by case, as Envoy documents them in
 * {@code config/rbac/v3/rbac.proto}.
 */
class RbacEvaluatorTest {
    private static final RbacEvaluator.Request GET_A = new RbacEvaluator.Request("GET", "/a?q=/b", null);

    @Test
    void allowWithoutAMatchingPolicyDenies() {
        assertFalse(RbacEvaluator.allows(Optional.of(rules(Action.ALLOW)), GET_A));
        assertTrue(RbacEvaluator.allows(Optional.of(rules(Action.DENY)), GET_A));
    }

    @Test
    void noFilterOrNoRulesEnforcesNothing() {
        assertTrue(RbacEvaluator.allows(Optional.empty(), GET_A));
        assertTrue(RbacEvaluator.allows(Optional.of(RBAC.getDefaultInstance()), GET_A));
    }

    @Test
    void aPolicyNeedsAPermissionAndAPrincipal() {
        Principal anyone = Principal.newBuilder().setAny(true).build();
        Principal nobody = Principal.newBuilder().setNotId(anyone).build();
        Permission everything = Permission.newBuilder().setAny(true).build();
        assertTrue(RbacEvaluator.allows(Optional.of(rules(Action.ALLOW, policy(everything, anyone))), GET_A));
        assertFalse(RbacEvaluator.allows(Optional.of(rules(Action.ALLOW, policy(everything, nobody))), GET_A));
    }

    @Test
    void urlPathLeavesOutTheQuery() {
        Principal exactA = urlPath(StringMatcher.newBuilder().setExact("/a").build());
        Principal prefixB = urlPath(StringMatcher.newBuilder().setPrefix("/b").build());
        assertTrue(RbacEvaluator.matches(exactA, GET_A));
        assertFalse(RbacEvaluator.matches(prefixB, GET_A));
    }

    @Test
    void authenticatedNeedsAPeerIdentity() {
        Principal spiffe = Principal.newBuilder().setAuthenticated(Principal.Authenticated.newBuilder()
                .setPrincipalName(StringMatcher.newBuilder()
                        .setSafeRegex(RegexMatcher.newBuilder().setRegex("spiffe://cluster\\.local/ns/[^/]+/sa/(sa1)"))))
                .build();
        assertFalse(RbacEvaluator.matches(spiffe, GET_A));
        assertTrue(RbacEvaluator.matches(spiffe, new RbacEvaluator.Request("GET", "/", "spiffe://cluster.local/ns/n/sa/sa1")));
        // safe_regex matches the whole name
        assertFalse(RbacEvaluator.matches(spiffe, new RbacEvaluator.Request("GET", "/", "spiffe://cluster.local/ns/n/sa/sa10")));
        assertFalse(RbacEvaluator.matches(spiffe, new RbacEvaluator.Request("GET", "/", "spiffe://cluster.local/ns/a/b/sa/sa1")));
    }

    @Test
    void unknownMatchersFailRatherThanGuess() {
        Principal ip = Principal.newBuilder()
                .setDirectRemoteIp(io.envoyproxy.envoy.config.core.v3.CidrRange.getDefaultInstance()).build();
        assertThrows(UnsupportedOperationException.class, () -> RbacEvaluator.matches(ip, GET_A));
    }

    private static Principal urlPath(StringMatcher matcher) {
        return Principal.newBuilder().setUrlPath(PathMatcher.newBuilder().setPath(matcher)).build();
    }

    private static Policy policy(Permission permission, Principal principal) {
        return Policy.newBuilder().addPermissions(permission).addPrincipals(principal).build();
    }

    private static RBAC rules(Action action, Policy... policies) {
        io.envoyproxy.envoy.config.rbac.v3.RBAC.Builder rules = io.envoyproxy.envoy.config.rbac.v3.RBAC.newBuilder().setAction(action);
        for (int i = 0; i < policies.length; i++) {
            rules.putPolicies("p" + i, policies[i]);
        }
        return RBAC.newBuilder().setRules(rules).build();
    }
}
